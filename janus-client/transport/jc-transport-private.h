/* jc-transport-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <libsoup/soup.h>

#include "jc-transport.h"

G_BEGIN_DECLS

void jc_transport_set_connected (JcTransport *self, gboolean connected);
void jc_transport_log_message (JcTransport *self, const char *direction, JsonObject *message);

/* The credentials the client sends, for transports that make requests of
 * their own (HTTP long-polls). Never logged. */
void jc_transport_set_auth (JcTransport *self, const char *api_secret, const char *token);
const char *jc_transport_get_api_secret (JcTransport *self);
const char *jc_transport_get_token (JcTransport *self);

/* Applies the TLS settings to a message about to be sent on @session. */
void jc_transport_apply_tls (JcTransport *self, SoupSession *session, SoupMessage *msg);

/* For tests: drop the link abruptly, as a network failure would (the
 * client sees a lost connection, not a close it asked for). */
void jc_websocket_transport_break (JcTransport *self);
void jc_unix_transport_break (JcTransport *self);

G_END_DECLS
