/* jc-audio-bridge.c: the AudioBridge plugin (placeholder, being written)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "jc-audio-bridge-private.h"
