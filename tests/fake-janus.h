/* fake-janus.h: an in-process, scriptable Janus for the unit tests
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A SoupServer on 127.0.0.1 with a WebSocket handler for "janus-protocol",
 * running in the thread-default main context. By default it answers like
 * Janus: info, ping, create, attach, keepalive, detach, destroy, hangup,
 * trickle, and message (ack, then an event with {"result": "ok"}). A hook
 * sees every request first and may answer it itself, later, or never.
 */
#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

typedef struct _FakeJanus FakeJanus;

/* Called for every request before the default handling; return TRUE when
 * the hook dealt with it (answered it, will answer later, or never). */
typedef gboolean (*FakeJanusHook) (FakeJanus *fake,
                                   SoupWebsocketConnection *conn,
                                   JsonObject *request,
                                   gpointer user_data);

FakeJanus *fake_janus_new (void);
/* Serves wss:// with @certificate (NULL: plain ws://, as fake_janus_new). */
FakeJanus *fake_janus_new_tls (GTlsCertificate *certificate);
void fake_janus_free (FakeJanus *self);
const char *fake_janus_get_uri (FakeJanus *self);

/* The "session-timeout" of the info answer (seconds); negative leaves it
 * out. Default 60. */
void fake_janus_set_session_timeout (FakeJanus *self, gint64 seconds);
void fake_janus_set_hook (FakeJanus *self, FakeJanusHook hook, gpointer user_data);

/* Every request received, oldest first (element-type JsonObject). */
GPtrArray *fake_janus_get_requests (FakeJanus *self);
void fake_janus_clear_requests (FakeJanus *self);
guint fake_janus_count_requests (FakeJanus *self, const char *verb);
/* The latest request with that "janus" verb, or NULL. (transfer none) */
JsonObject *fake_janus_last_request (FakeJanus *self, const char *verb);
guint fake_janus_get_n_connections (FakeJanus *self);

/* Answers @request as the fake would have without a hook. */
void fake_janus_reply_default (FakeJanus *self, JsonObject *request);
/* Sends {"janus": @janus, "transaction", "session_id" (and "sender" for
 * success and event) from @request} plus the members of @extra_json (an
 * object literal, or NULL) on the connection @request came from. */
void fake_janus_reply (FakeJanus *self, JsonObject *request, const char *janus, const char *extra_json);
/* Sends {"janus": @janus, "session_id": @session_id, "sender": @sender
 * (left out when 0)} plus @extra_json's members, unsolicited. */
void fake_janus_push (FakeJanus *self, const char *janus, guint64 session_id, guint64 sender, const char *extra_json);
/* Sends text as is (invalid JSON and all) to the latest connection. */
void fake_janus_send_text (FakeJanus *self, const char *text);
void fake_janus_send_object (FakeJanus *self, SoupWebsocketConnection *conn, JsonObject *message);
/* Closes every connection with a close frame (@code) or, when @code is 0,
 * by closing the socket without one. */
void fake_janus_close_connections (FakeJanus *self, gushort code);

G_END_DECLS
