/* jc-streaming-private.h: the Streaming plugin's insides (placeholder)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "jc-plugin-private.h"
#include "jc-streaming.h"
