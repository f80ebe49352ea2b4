/* jc-streaming-events.c: the Streaming plugin (placeholder, being written)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "jc-streaming-private.h"
