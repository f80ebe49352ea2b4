/* jc-local-janus.h: a private Janus server for tests and the CLI
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define JC_TYPE_LOCAL_JANUS (jc_local_janus_get_type ())
G_DECLARE_FINAL_TYPE (JcLocalJanus, jc_local_janus, JC, LOCAL_JANUS, GObject)

/**
 * JcLocalJanusNetwork:
 * @JC_LOCAL_JANUS_NETWORK_AUTO: a network namespace when running as root
 *   with `ip` available, loopback otherwise
 * @JC_LOCAL_JANUS_NETWORK_LOOPBACK: Janus listens on 127.0.0.1 (signalling
 *   only: Janus never gathers ICE candidates on loopback)
 * @JC_LOCAL_JANUS_NETWORK_NAMESPACE: Janus runs in a private network
 *   namespace joined to this one by a veth pair (needs root); media works
 */
typedef enum
{
  JC_LOCAL_JANUS_NETWORK_AUTO,
  JC_LOCAL_JANUS_NETWORK_LOOPBACK,
  JC_LOCAL_JANUS_NETWORK_NAMESPACE,
} JcLocalJanusNetwork;

JcLocalJanus *jc_local_janus_new (void);

/* Settings: call before start. */
void jc_local_janus_set_network (JcLocalJanus *self, JcLocalJanusNetwork network);
/* janus.jcfg general.session_timeout in seconds (default 60; 0 = never) */
void jc_local_janus_set_session_timeout (JcLocalJanus *self, guint seconds);
/* general.reclaim_session_timeout in seconds (default 0 = claim disabled) */
void jc_local_janus_set_reclaim_session_timeout (JcLocalJanus *self, guint seconds);
/* general.api_secret (NULL = none) */
void jc_local_janus_set_api_secret (JcLocalJanus *self, const char *api_secret);
/* general.token_auth */
void jc_local_janus_set_token_auth (JcLocalJanus *self, gboolean token_auth);
/* Extra "key = value" lines appended to the general section (NULL to clear).
 * A key set here replaces the launcher's own line for it (Janus cannot
 * parse a key set twice; start then fails with G_IO_ERROR_INVALID_DATA). */
void jc_local_janus_set_extra_general (JcLocalJanus *self, const char *lines);
/* Extra "key = value" lines for janus.jcfg's media section (e.g.
 * "slowlink_threshold = 4"), NULL to clear; rtp_port_range is ours. */
void jc_local_janus_set_extra_media (JcLocalJanus *self, const char *lines);
/* Extra "key = value" lines appended to the general section of @plugin's
 * config (@plugin is a package name the launcher loads, e.g.
 * "janus.plugin.videoroom" with "string_ids = true"); NULL clears them.
 * As with the general lines, a key set here replaces the launcher's own
 * line for it (local_ip, sdp_ip, rtp_port_range, recordplay's path). */
void jc_local_janus_set_plugin_config (JcLocalJanus *self, const char *plugin, const char *lines);

/* Starts janus and blocks until it answers on every transport (at most
 * @timeout_ms), or fails with a GError that says what went wrong (binary
 * missing: say "install the 'janus' package", config, port, namespace, the
 * last lines of Janus's log on early exit). Errors are in G_IO_ERROR:
 * NOT_FOUND (janus or its modules missing), PERMISSION_DENIED (namespace
 * without root), INVALID_DATA (janus.jcfg unparsable), TIMED_OUT, FAILED.
 * Janus gets PR_SET_PDEATHSIG (SIGKILL), which fires when the *thread*
 * that called start exits: start from a thread that outlives the server. */
gboolean jc_local_janus_start (JcLocalJanus *self, guint timeout_ms, GError **error);
/* Kills janus (SIGTERM, then SIGKILL after 3 s), removes the namespace,
 * veth and temporary folder. Idempotent; also run on finalize. */
void jc_local_janus_stop (JcLocalJanus *self);
gboolean jc_local_janus_is_running (JcLocalJanus *self);
/* Kills janus and starts it again with the same folder, configuration,
 * ports and namespace (it forgets every session). For reconnection tests. */
gboolean jc_local_janus_restart (JcLocalJanus *self, guint timeout_ms, GError **error);

/* Valid after a successful start. */
JcLocalJanusNetwork jc_local_janus_get_network (JcLocalJanus *self); /* never AUTO after start */
gboolean jc_local_janus_has_media (JcLocalJanus *self);              /* TRUE in a namespace */
const char *jc_local_janus_get_host (JcLocalJanus *self);            /* "127.0.0.1" or e.g. "198.18.3.2" */
const char *jc_local_janus_get_client_address (JcLocalJanus *self);  /* the address on our side of the veth, or "127.0.0.1" */
const char *jc_local_janus_get_ws_uri (JcLocalJanus *self);          /* ws://HOST:PORT */
const char *jc_local_janus_get_http_uri (JcLocalJanus *self);        /* http://HOST:PORT/janus */
const char *jc_local_janus_get_unix_uri (JcLocalJanus *self);        /* unix:///tmp/…/janus.sock */
const char *jc_local_janus_get_admin_ws_uri (JcLocalJanus *self);    /* ws://HOST:PORT (janus-admin-protocol) */
const char *jc_local_janus_get_admin_http_uri (JcLocalJanus *self);  /* http://HOST:PORT/admin */
const char *jc_local_janus_get_admin_unix_uri (JcLocalJanus *self);  /* unix:///tmp/…/janus-admin.sock */
const char *jc_local_janus_get_admin_secret (JcLocalJanus *self);    /* generated, random */
const char *jc_local_janus_get_api_secret (JcLocalJanus *self);      /* (nullable) */
const char *jc_local_janus_get_work_dir (JcLocalJanus *self);        /* config, log, recordings */
const char *jc_local_janus_get_log_path (JcLocalJanus *self);
GPid jc_local_janus_get_pid (JcLocalJanus *self);
/* The network namespace's name ("jcns-<pid>-<n>"), NULL on loopback. */
const char *jc_local_janus_get_netns (JcLocalJanus *self);

/* The body of GET {http_uri}/info (Janus's JSON `server_info`), fetched
 * with a blocking HTTP/1.0 request. (transfer full) */
char *jc_local_janus_get_info (JcLocalJanus *self, GError **error);

/* Removes namespaces and veths left by crashed runs (their owner pid is
 * gone or a zombie). Called by start; exposed for tests. Returns how many
 * it removed (0 when not root). */
guint jc_local_janus_clean_stale (void);

G_END_DECLS
