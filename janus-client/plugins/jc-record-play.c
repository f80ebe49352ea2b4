/* jc-record-play.c: the Record&Play plugin (placeholder, being written)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "jc-record-play-private.h"
