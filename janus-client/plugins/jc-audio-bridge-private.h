/* jc-audio-bridge-private.h: the AudioBridge plugin's insides (placeholder)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "jc-audio-bridge.h"
#include "jc-plugin-private.h"
