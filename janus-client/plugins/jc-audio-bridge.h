/* jc-audio-bridge.h: the AudioBridge plugin (placeholder, being written)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(JC_INSIDE) && !defined(JC_COMPILATION)
#error "Only <janus-client/janus-client.h> can be included directly."
#endif

#include "jc-handle.h"
#include "jc-version-macros.h"

G_BEGIN_DECLS

G_END_DECLS
