/* jc-websocket-transport.h: Janus over WebSocket
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(JC_INSIDE) && !defined(JC_COMPILATION)
#error "Only <janus-client/janus-client.h> can be included directly."
#endif

#include "jc-transport.h"

G_BEGIN_DECLS

#define JC_TYPE_WEBSOCKET_TRANSPORT (jc_websocket_transport_get_type ())
JC_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (JcWebsocketTransport, jc_websocket_transport, JC, WEBSOCKET_TRANSPORT, JcTransport)

JC_AVAILABLE_IN_ALL
JcTransport *jc_websocket_transport_new (const char *uri,
                                         const char *protocol);

G_END_DECLS
