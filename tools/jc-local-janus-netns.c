/* jc-local-janus-netns.c: the private Janus's network namespace and veth
 * pair, and the removal of those a crashed run left behind
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "jc-local-janus-private.h"

static gint instance_counter; /* atomic: namespaces made by this process */

/* A zombie counts as dead: a crashed test binary whose parent has not
 * reaped it yet left its namespace behind all the same. */
static gboolean
pid_alive (long pid)
{
  g_autofree char *stat_path = NULL;
  g_autofree char *stat = NULL;
  const char *end_of_comm;

  if (pid <= 0)
    return FALSE;
  if (kill ((pid_t) pid, 0) != 0 && errno != EPERM)
    return FALSE;
  stat_path = g_strdup_printf ("/proc/%ld/stat", pid);
  if (!g_file_get_contents (stat_path, &stat, NULL, NULL))
    return TRUE;
  /* "PID (COMM) STATE …"; COMM may hold spaces and parentheses. */
  end_of_comm = strrchr (stat, ')');
  if (end_of_comm == NULL || end_of_comm[1] != ' ')
    return TRUE;
  return end_of_comm[2] != 'Z' && end_of_comm[2] != 'X';
}

char *
jc_local_janus_find_ip_binary (void)
{
  static const char *const fallbacks[] = { "/usr/sbin/ip", "/sbin/ip", "/usr/bin/ip", "/bin/ip" };
  char *found = g_find_program_in_path ("ip");

  if (found != NULL)
    return found;
  for (gsize i = 0; i < G_N_ELEMENTS (fallbacks); i++)
    if (g_file_test (fallbacks[i], G_FILE_TEST_IS_EXECUTABLE))
      return g_strdup (fallbacks[i]);
  return NULL;
}

static char *
argv_to_string (const char *const *argv)
{
  return g_strjoinv (" ", (char **) argv);
}

/* Runs a command synchronously. On failure the error names the command
 * and carries its stderr. @out_stdout: (optional) (out). */
static gboolean
run_command (const char *const *argv, char **out_stdout, GError **error)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;
  g_autoptr (GError) local_error = NULL;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDIN_FROM_DEV_NULL, NULL, NULL,
                     &out, &err, &status, &local_error))
    {
      g_autofree char *cmd = argv_to_string (argv);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Could not run “%s”: %s", cmd,
                   local_error->message);
      return FALSE;
    }
  if (!g_spawn_check_wait_status (status, &local_error))
    {
      g_autofree char *cmd = argv_to_string (argv);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "“%s” failed (%s): %s", cmd,
                   local_error->message, g_strstrip (err));
      return FALSE;
    }
  if (out_stdout != NULL)
    *out_stdout = g_steal_pointer (&out);
  return TRUE;
}

/* `ip ARGS…` with a NULL-terminated list of arguments. */
static gboolean
run_ip (char **out_stdout, GError **error, ...) G_GNUC_NULL_TERMINATED;

static gboolean
run_ip (char **out_stdout, GError **error, ...)
{
  g_autofree char *ip = jc_local_janus_find_ip_binary ();
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  va_list ap;
  const char *arg;

  if (ip == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           "The “ip” command was not found: install the 'iproute2' package");
      return FALSE;
    }
  g_ptr_array_add (argv, ip);
  va_start (ap, error);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);
  return run_command ((const char *const *) argv->pdata, out_stdout, error);
}

/* TRUE if some address of ours lies in 198.18.0.0/15 block @index (a /30). */
static gboolean
subnet_in_use (const char *ip_addr_output, guint32 base)
{
  g_auto (GStrv) lines = g_strsplit (ip_addr_output, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *inet = strstr (lines[i], " inet ");
      guint a, b, c, d;

      if (inet == NULL || sscanf (inet, " inet %u.%u.%u.%u", &a, &b, &c, &d) != 4)
        continue;
      if (((a << 24 | b << 16 | c << 8 | d) & ~3u) == base)
        return TRUE;
    }
  return FALSE;
}

void
jc_local_janus_teardown_namespace (JcLocalJanus *self)
{
  g_autoptr (GError) error = NULL;

  /* Deleting one end of a veth pair deletes both. */
  if (self->host_if != NULL && !run_ip (NULL, &error, "link", "del", self->host_if, NULL))
    {
      g_debug ("%s", error->message);
      g_clear_error (&error);
    }
  if (self->netns != NULL && !run_ip (NULL, &error, "netns", "del", self->netns, NULL))
    g_warning ("Could not delete network namespace %s: %s", self->netns, error->message);
  g_clear_pointer (&self->netns, g_free);
  g_clear_pointer (&self->host_if, g_free);
  g_clear_pointer (&self->ns_if, g_free);
}

gboolean
jc_local_janus_setup_namespace (JcLocalJanus *self, GError **error)
{
  /* Interface names have at most 15 characters: "jch" + pid (≤ 7 digits)
   * + "n" + ≤ 4 digits. */
  guint n = (guint) g_atomic_int_add (&instance_counter, 1) % 10000u;
  long pid = (long) getpid ();
  g_autofree char *addrs = NULL;
  g_autofree char *host_cidr = NULL;
  g_autofree char *ns_cidr = NULL;
  guint32 base = 0;
  gboolean found = FALSE;

  if (geteuid () != 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                           "A network namespace needs root (geteuid () != 0)");
      return FALSE;
    }
  if (!run_ip (&addrs, error, "-o", "-4", "addr", "show", NULL))
    return FALSE;

  /* 198.18.0.0/15 holds 32768 /30 blocks; start from one derived from
   * our pid and the instance counter and skip blocks in use. */
  for (guint attempt = 0; attempt < 64 && !found; attempt++)
    {
      guint block = ((guint) pid * 16u + n * 1031u + attempt * 7919u) % 32768u;

      base = (198u << 24 | 18u << 16) + block * 4u;
      if (block == 0 || subnet_in_use (addrs, base))
        continue;
      found = TRUE;
    }
  if (!found)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                           "Could not find a free /30 in 198.18.0.0/15");
      return FALSE;
    }

  self->netns = g_strdup_printf (NS_PREFIX "%ld-%u", pid, n);
  self->host_if = g_strdup_printf (HOST_IF_PREFIX "%ldn%u", pid, n);
  self->ns_if = g_strdup_printf (NS_IF_PREFIX "%ldn%u", pid, n);
  self->client_address = g_strdup_printf ("%u.%u.%u.%u", base >> 24, (base >> 16) & 255,
                                          (base >> 8) & 255, (base & 255) + 1);
  self->host = g_strdup_printf ("%u.%u.%u.%u", base >> 24, (base >> 16) & 255, (base >> 8) & 255,
                                (base & 255) + 2);
  host_cidr = g_strdup_printf ("%s/30", self->client_address);
  ns_cidr = g_strdup_printf ("%s/30", self->host);
  if (strlen (self->host_if) > 15)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FILENAME_TOO_LONG,
                   "Interface name %s is longer than 15 characters", self->host_if);
      g_clear_pointer (&self->netns, g_free);
      g_clear_pointer (&self->host_if, g_free);
      goto fail;
    }

  if (!run_ip (NULL, error, "netns", "add", self->netns, NULL))
    {
      g_clear_pointer (&self->netns, g_free); /* not ours: may exist already */
      goto fail;
    }
  if (!run_ip (NULL, error, "link", "add", self->host_if, "type", "veth", "peer", "name",
               self->ns_if, "netns", self->netns, NULL))
    {
      g_clear_pointer (&self->host_if, g_free);
      goto fail;
    }
  if (!run_ip (NULL, error, "addr", "add", host_cidr, "dev", self->host_if, NULL) ||
      !run_ip (NULL, error, "link", "set", self->host_if, "up", NULL) ||
      !run_ip (NULL, error, "-n", self->netns, "addr", "add", ns_cidr, "dev", self->ns_if, NULL) ||
      !run_ip (NULL, error, "-n", self->netns, "link", "set", self->ns_if, "up", NULL) ||
      !run_ip (NULL, error, "-n", self->netns, "link", "set", "lo", "up", NULL))
    goto fail;

  self->ws_port = NS_WS_PORT;
  self->admin_ws_port = NS_ADMIN_WS_PORT;
  self->http_port = NS_HTTP_PORT;
  self->admin_http_port = NS_ADMIN_HTTP_PORT;
  return TRUE;

fail:
  g_prefix_error (error, "Could not set up a network namespace: ");
  jc_local_janus_teardown_namespace (self);
  g_clear_pointer (&self->host, g_free);
  g_clear_pointer (&self->client_address, g_free);
  return FALSE;
}

/* AUTO: a namespace if we are root and `ip` works, else loopback. */
gboolean
jc_local_janus_namespace_possible (char **why)
{
  g_autofree char *ip = NULL;
  g_autoptr (GError) error = NULL;

  if (geteuid () != 0)
    {
      *why = g_strdup ("not running as root");
      return FALSE;
    }
  ip = jc_local_janus_find_ip_binary ();
  if (ip == NULL)
    {
      *why = g_strdup ("the “ip” command (iproute2) was not found");
      return FALSE;
    }
  if (!run_ip (NULL, &error, "netns", "list", NULL))
    {
      *why = g_strdup (error->message);
      return FALSE;
    }
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Stale cleanup                                                          */

/* Parses "<prefix><pid><sep>..." and returns the pid, or 0. */
static long
owner_pid (const char *name, const char *prefix, char sep)
{
  const char *p;
  char *end = NULL;
  long pid;

  if (!g_str_has_prefix (name, prefix))
    return 0;
  p = name + strlen (prefix);
  if (!g_ascii_isdigit (*p))
    return 0;
  pid = strtol (p, &end, 10);
  if (end == NULL || *end != sep || !g_ascii_isdigit (end[1]))
    return 0;
  return pid;
}

/* Deletes `ip OBJECT NAME` when @name is one of ours (@prefix, the owner's
 * pid, @separator) and its owner is gone; 1 if it was removed. */
static guint
remove_if_stale (const char *name, const char *prefix, char separator, const char *object, const char *what)
{
  g_autoptr (GError) error = NULL;
  long pid = owner_pid (name, prefix, separator);

  if (pid <= 0 || pid_alive (pid))
    return 0;
  if (!run_ip (NULL, &error, object, "del", name, NULL))
    {
      g_debug ("%s", error->message);
      return 0;
    }
  g_debug ("Removed stale %s %s", what, name);
  return 1;
}

guint
jc_local_janus_clean_stale (void)
{
  g_autofree char *ip = jc_local_janus_find_ip_binary ();
  g_autofree char *netns_list = NULL;
  g_autofree char *link_list = NULL;
  g_autoptr (GError) error = NULL;
  guint removed = 0;

  if (ip == NULL || geteuid () != 0)
    return 0;

  if (run_ip (&netns_list, &error, "netns", "list", NULL))
    {
      g_auto (GStrv) lines = g_strsplit (netns_list, "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        {
          /* "jcns-123-0 (id: 4)" or "jcns-123-0" */
          g_autofree char *name = g_strndup (lines[i], strcspn (lines[i], " \t"));

          removed += remove_if_stale (name, NS_PREFIX, '-', "netns", "network namespace");
        }
    }
  else
    {
      g_debug ("%s", error->message);
      g_clear_error (&error);
    }

  if (run_ip (&link_list, &error, "-o", "link", "show", NULL))
    {
      g_auto (GStrv) lines = g_strsplit (link_list, "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        {
          /* "12: jch123n0@if11: <BROADCAST,…" */
          const char *p = strchr (lines[i], ':');
          g_autofree char *name = NULL;

          if (p == NULL)
            continue;
          p++;
          while (*p == ' ')
            p++;
          name = g_strndup (p, strcspn (p, "@: "));
          removed += remove_if_stale (name, HOST_IF_PREFIX, 'n', "link", "veth");
        }
    }
  else
    g_debug ("%s", error->message);

  return removed;
}
