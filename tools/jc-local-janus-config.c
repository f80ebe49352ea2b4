/* jc-local-janus-config.c: the private Janus's configuration files
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Writes janus.jcfg and the transport and plugin .jcfg files into the
 * launcher's work folder: generated, never copied from /etc/janus (see
 * /work/shared/JANUS-NOTES.md for the stock samples that break startup).
 */
#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include "jc-local-janus-private.h"

/* Escapes a string for a double-quoted libconfig (jcfg) value. */
static char *
jcfg_quote (const char *value)
{
  GString *s = g_string_new ("\"");

  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_c (s, '\\');
      if (*p == '\n')
        g_string_append (s, "\\n");
      else
        g_string_append_c (s, *p);
    }
  g_string_append_c (s, '"');
  return g_string_free (s, FALSE);
}

static void
append_kv (GString *s, const char *key, const char *value)
{
  g_autofree char *quoted = jcfg_quote (value);

  g_string_append_printf (s, "  %s = %s\n", key, quoted);
}

static gboolean
write_file (const char *dir, const char *name, const char *contents, GError **error)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  return g_file_set_contents (path, contents, -1, error);
}

/* The keys set by "key = value" lines of @extra. */
static GHashTable *
extra_general_keys (const char *extra)
{
  GHashTable *keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto (GStrv) lines = g_strsplit (extra != NULL ? extra : "", "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      gsize len;

      while (g_ascii_isspace (*line))
        line++;
      len = strcspn (line, " \t=:");
      if (len > 0 && line[len] != '\0' && *line != '#')
        g_hash_table_add (keys, g_strndup (line, len));
    }
  return keys;
}

/* Appends "key = value" to janus.jcfg's general section unless the extra
 * lines set @key. */
static void
general_kv (GString *s, GHashTable *extra_keys, const char *key, const char *value, gboolean quote)
{
  if (g_hash_table_contains (extra_keys, key))
    return;
  if (quote)
    append_kv (s, key, value);
  else
    g_string_append_printf (s, "  %s = %s\n", key, value);
}

/* Writes janus.plugin.NAME.jcfg: a general section with the launcher's
 * own settings for that plugin, then the lines given to
 * jc_local_janus_set_plugin_config (), which replace the launcher's
 * setting of any key they set (a key set twice breaks the file). */
static gboolean
write_plugin_config (JcLocalJanus *self, const char *name, const char *recordings_dir, GError **error)
{
  g_autofree char *package = g_strconcat ("janus.plugin.", name, NULL);
  g_autofree char *file = g_strconcat (package, ".jcfg", NULL);
  const char *extra = self->plugin_config != NULL ? g_hash_table_lookup (self->plugin_config, package) : NULL;
  g_autoptr (GHashTable) extra_keys = extra_general_keys (extra);
  g_autoptr (GString) s = g_string_new ("general: {\n");

  if (g_str_equal (name, "audiobridge") || g_str_equal (name, "nosip"))
    general_kv (s, extra_keys, "local_ip", self->host, TRUE);
  if (g_str_equal (name, "nosip"))
    {
      general_kv (s, extra_keys, "sdp_ip", self->host, TRUE);
      general_kv (s, extra_keys, "rtp_port_range", "20000-40000", TRUE);
    }
  if (g_str_equal (name, "recordplay"))
    general_kv (s, extra_keys, "path", recordings_dir, TRUE);
  if (extra != NULL)
    g_string_append_printf (s, "%s\n", extra);
  g_string_append (s, "}\n");
  return write_file (self->work_dir, file, s->str, error);
}

gboolean
jc_local_janus_write_configs (JcLocalJanus *self, GError **error)
{
  g_autoptr (GString) s = g_string_new (NULL);
  g_autofree char *plugins_dir = jc_local_janus_work_path (self, "plugins");
  g_autofree char *transports_dir = jc_local_janus_work_path (self, "transports");
  g_autofree char *events_dir = jc_local_janus_work_path (self, "events");
  g_autofree char *loggers_dir = jc_local_janus_work_path (self, "loggers");
  g_autofree char *recordings_dir = jc_local_janus_work_path (self, "recordings");
  gboolean in_ns = self->netns != NULL;
  g_autoptr (GHashTable) extra_keys = NULL;
  char number[16];

  /* janus.jcfg. Extra lines replace our own settings of the same keys:
   * a key set twice makes the whole file unparsable. */
  extra_keys = extra_general_keys (self->extra_general);
  g_string_append (s, "general: {\n");
  general_kv (s, extra_keys, "configs_folder", self->work_dir, TRUE);
  general_kv (s, extra_keys, "plugins_folder", plugins_dir, TRUE);
  general_kv (s, extra_keys, "transports_folder", transports_dir, TRUE);
  general_kv (s, extra_keys, "events_folder", events_dir, TRUE);
  general_kv (s, extra_keys, "loggers_folder", loggers_dir, TRUE);
  general_kv (s, extra_keys, "log_to_file", self->log_path, TRUE);
  general_kv (s, extra_keys, "debug_level", "4", FALSE);
  general_kv (s, extra_keys, "debug_timestamps", "true", FALSE);
  general_kv (s, extra_keys, "server_name", "jc-local-janus", TRUE);
  general_kv (s, extra_keys, "admin_secret", self->admin_secret, TRUE);
  g_snprintf (number, sizeof number, "%u", self->session_timeout);
  general_kv (s, extra_keys, "session_timeout", number, FALSE);
  g_snprintf (number, sizeof number, "%u", self->reclaim_session_timeout);
  general_kv (s, extra_keys, "reclaim_session_timeout", number, FALSE);
  /* The address Janus puts in SDP; with no default route it would fall
   * back to 127.0.0.1 ("Couldn't find any address!"). */
  general_kv (s, extra_keys, "interface", self->host, TRUE);
  if (self->api_secret != NULL)
    general_kv (s, extra_keys, "api_secret", self->api_secret, TRUE);
  if (self->token_auth)
    general_kv (s, extra_keys, "token_auth", "true", FALSE);
  if (self->extra_general != NULL)
    g_string_append_printf (s, "%s\n", self->extra_general);
  g_string_append (s, "}\n"
                      "certificates: {\n}\n"
                      "media: {\n  rtp_port_range = \"20000-40000\"\n");
  if (self->extra_media != NULL)
    g_string_append_printf (s, "%s\n", self->extra_media);
  g_string_append (s, "}\n"
                      "nat: {\n  full_trickle = true\n  nice_debug = false\n");
  /* Loopback: "lo" yields no candidates at all, which keeps media off
   * the host's external addresses. */
  append_kv (s, "ice_enforce_list", in_ns ? self->ns_if : "lo");
  g_string_append (s, "}\n"
                      "plugins: {\n}\n"
                      "transports: {\n}\n"
                      "loggers: {\n}\n"
                      "events: {\n  broadcast = false\n}\n");
  if (!write_file (self->work_dir, "janus.jcfg", s->str, error))
    return FALSE;

  /* Transports */
  g_string_assign (s, "general: {\n  json = \"compact\"\n  ws = true\n");
  g_string_append_printf (s, "  ws_port = %u\n", self->ws_port);
  append_kv (s, "ws_ip", self->host);
  g_string_append (s, "  wss = false\n  ws_logging = \"err,warn\"\n}\nadmin: {\n  admin_ws = true\n");
  g_string_append_printf (s, "  admin_ws_port = %u\n", self->admin_ws_port);
  append_kv (s, "admin_ws_ip", self->host);
  g_string_append (s, "  admin_wss = false\n}\ncors: {\n}\ncertificates: {\n}\n");
  if (!write_file (self->work_dir, "janus.transport.websockets.jcfg", s->str, error))
    return FALSE;

  g_string_assign (s, "general: {\n  json = \"compact\"\n  base_path = \"/janus\"\n  http = true\n");
  g_string_append_printf (s, "  port = %u\n", self->http_port);
  append_kv (s, "ip", self->host);
  g_string_append (s, "  https = false\n}\nadmin: {\n  admin_base_path = \"/admin\"\n  admin_http = true\n");
  g_string_append_printf (s, "  admin_port = %u\n", self->admin_http_port);
  append_kv (s, "admin_ip", self->host);
  g_string_append (s, "  admin_https = false\n}\ncors: {\n}\ncertificates: {\n}\n");
  if (!write_file (self->work_dir, "janus.transport.http.jcfg", s->str, error))
    return FALSE;

  g_string_assign (s, "general: {\n  enabled = true\n  json = \"compact\"\n");
  append_kv (s, "path", self->unix_path);
  g_string_append (s, "  type = \"SOCK_SEQPACKET\"\n}\nadmin: {\n  admin_enabled = true\n");
  append_kv (s, "admin_path", self->admin_unix_path);
  g_string_append (s, "  admin_type = \"SOCK_SEQPACKET\"\n}\n");
  if (!write_file (self->work_dir, "janus.transport.pfunix.jcfg", s->str, error))
    return FALSE;

  /* Plugins: no sample rooms or mountpoints (the stock Streaming sample
   * binds UDP 5002–5106 on all interfaces). */
  if (g_mkdir (recordings_dir, 0700) != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno), "Could not create %s: %s",
                   recordings_dir, g_strerror (errno));
      return FALSE;
    }
  for (gsize i = 0; i < G_N_ELEMENTS (jc_local_janus_wanted_plugins); i++)
    if (!write_plugin_config (self, jc_local_janus_wanted_plugins[i], recordings_dir, error))
      return FALSE;

  return TRUE;
}
