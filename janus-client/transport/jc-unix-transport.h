/* jc-unix-transport.h: Janus over a Unix socket
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(JC_INSIDE) && !defined(JC_COMPILATION)
#error "Only <janus-client/janus-client.h> can be included directly."
#endif

#include "jc-transport.h"

G_BEGIN_DECLS

#define JC_TYPE_UNIX_TRANSPORT (jc_unix_transport_get_type ())
JC_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (JcUnixTransport, jc_unix_transport, JC, UNIX_TRANSPORT, JcTransport)

JC_AVAILABLE_IN_ALL
JcTransport *jc_unix_transport_new (const char *uri);

G_END_DECLS
