/* jc-local-janus-private.h: the launcher's insides, shared by its files
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "jc-local-janus.h"

G_BEGIN_DECLS

#define NS_PREFIX "jcns-"
#define HOST_IF_PREFIX "jch"
#define NS_IF_PREFIX "jcj"

/* Fixed ports inside a namespace, where every port is free. */
#define NS_WS_PORT 8188
#define NS_ADMIN_WS_PORT 7188
#define NS_HTTP_PORT 8088
#define NS_ADMIN_HTTP_PORT 7088

#define STOP_GRACE_US (3 * G_USEC_PER_SEC)
#define POLL_STEP_US (10 * 1000)
#define START_ATTEMPTS 5

struct _JcLocalJanus
{
  GObject parent_instance;

  /* Settings */
  JcLocalJanusNetwork requested_network;
  JcLocalJanusNetwork network; /* the actual one after start */
  guint session_timeout;
  guint reclaim_session_timeout;
  char *api_secret; /* (owned) (nullable) */
  gboolean token_auth;
  char *extra_general; /* (owned) (nullable) */
  char *extra_media;   /* (owned) (nullable) */
  /* (owned) (nullable) package name ("janus.plugin.videoroom") → (owned)
   * extra lines for the general section of that plugin's .jcfg */
  GHashTable *plugin_config;

  /* State of a started server; all (owned) */
  gboolean running;
  GPid pid; /* 0 when not running; janus itself (ip netns exec execs in place) */
  char *work_dir;
  char *log_path;
  char *out_path; /* janus's stdout + stderr */
  char *admin_secret;
  char *host;
  char *client_address;
  guint16 ws_port;
  guint16 admin_ws_port;
  guint16 http_port;
  guint16 admin_http_port;
  char *unix_path;
  char *admin_unix_path;
  char *ws_uri;
  char *http_uri;
  char *unix_uri;
  char *admin_ws_uri;
  char *admin_http_uri;
  char *admin_unix_uri;
  char *netns;   /* (nullable) namespace name */
  char *host_if; /* (nullable) our end of the veth pair */
  char *ns_if;   /* (nullable) the namespace's end */
};

typedef enum
{
  WAIT_READY,
  WAIT_FAILED,
  WAIT_RETRY,        /* a port was taken or a Janus thread died: try again */
  WAIT_NETNS_FAILED, /* could not set up the namespace: AUTO falls back */
} WaitResult;

/* jc-local-janus-netns.c */
/* The `ip` binary (iproute2), or NULL. */
char *jc_local_janus_find_ip_binary (void);
/* A namespace NS_PREFIX<pid>-<n> with a veth pair and a free /30 of
 * 198.18.0.0/15: sets netns, host_if, ns_if, host and client_address. */
gboolean jc_local_janus_setup_namespace (JcLocalJanus *self, GError **error);
void jc_local_janus_teardown_namespace (JcLocalJanus *self);
/* Whether AUTO can use a namespace (root and a working `ip`); else @why. */
gboolean jc_local_janus_namespace_possible (char **why);

/* jc-local-janus.c */
/* The modules the private Janus loads. */
extern const char *const jc_local_janus_wanted_plugins[8];
extern const char *const jc_local_janus_wanted_transports[3];
char *jc_local_janus_work_path (JcLocalJanus *self, const char *name);
char *jc_local_janus_log_tail (JcLocalJanus *self);

/* jc-local-janus-config.c */
/* Writes janus.jcfg and every transport and plugin .jcfg into the work
 * folder, from the settings and the chosen host, ports and interfaces. */
gboolean jc_local_janus_write_configs (JcLocalJanus *self, GError **error);

/* jc-local-janus-ready.c */
char *jc_local_janus_http_get (const char *host, guint16 port, const char *path, GError **error);
gboolean jc_local_janus_child_exited (GPid pid, int *status);
WaitResult jc_local_janus_wait_ready (JcLocalJanus *self, gint64 deadline, GError **error);

G_END_DECLS
