/* jc-cmd-videocall.c: `janus-client videocall list|register|call`
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * register NAME waits for calls (answering the first with --accept),
 * call NAME --as ME calls someone; both then send and receive media for
 * --duration seconds, hang up and print the media summary. Two processes
 * talking need the same --server: without one, each starts its own Janus.
 */
#include <stdio.h>

#include "jc-cli-media.h"

typedef struct
{
  JC_CLI_SESSION_FIELDS
  JcVideoCall *call; /* (owned) */
  JcPeer *peer;      /* (owned) (nullable) */

  /* what the events said */
  char *caller; /* (owned) (nullable) an incoming call's */
  gboolean incoming;
  gboolean accepted;
  gboolean hung_up;
  char *hangup_reason; /* (owned) (nullable) */
  GError *error;       /* (owned) (nullable) the first "error" */
  gint64 start_us;     /* when we called or accepted */
  gint64 webrtcup_us;
} VcRun;

static GAsyncResult *
vc_wait (VcRun *run)
{
  return jc_cli_session_wait ((JcCliSession *) run);
}

static void
on_error (JcVideoCall *call, const GError *error, VcRun *run)
{
  g_debug ("VideoCall: %s", error->message);
  if (run->error == NULL)
    run->error = g_error_copy (error);
}

static void
on_incoming_call (JcVideoCall *call, const char *username, JsonObject *offer, VcRun *run)
{
  g_free (run->caller);
  run->caller = g_strdup (username);
  run->incoming = TRUE;
}

static void
on_accepted (JcVideoCall *call, const char *username, JsonObject *answer, VcRun *run)
{
  run->accepted = TRUE;
}

static void
on_hung_up (JcVideoCall *call, const char *username, const char *reason, VcRun *run)
{
  run->hung_up = TRUE;
  g_free (run->hangup_reason);
  run->hangup_reason = g_strdup (reason);
}

static void
on_webrtcup (JcHandle *handle, VcRun *run)
{
  if (run->webrtcup_us == 0)
    run->webrtcup_us = g_get_monotonic_time ();
}

static gboolean
vc_open (VcRun *run, GError **error)
{
  if (!jc_cli_session_open ((JcCliSession *) run, JC_LOCAL_JANUS_NETWORK_AUTO, error))
    return FALSE;
  run->call = jc_cli_session_attach ((JcCliSession *) run, jc_video_call_attach_async,
                                     (JcCliAttachFinish) jc_video_call_attach_finish, error);
  if (run->call == NULL)
    return FALSE;
  g_signal_connect (run->call, "error", G_CALLBACK (on_error), run);
  g_signal_connect (run->call, "incoming-call", G_CALLBACK (on_incoming_call), run);
  g_signal_connect (run->call, "accepted", G_CALLBACK (on_accepted), run);
  g_signal_connect (run->call, "hung-up", G_CALLBACK (on_hung_up), run);
  g_signal_connect (run->call, "webrtcup", G_CALLBACK (on_webrtcup), run);
  return TRUE;
}

static void
vc_close (VcRun *run)
{
  if (run->waiter != NULL && run->peer != NULL)
    {
      g_autoptr (GAsyncResult) result = NULL;

      jc_peer_stop_async (run->peer, NULL, jc_cli_waiter_callback, run->waiter);
      result = vc_wait (run);
      jc_peer_stop_finish (run->peer, result, NULL);
    }
  if (run->waiter != NULL && run->call != NULL && jc_handle_is_attached (JC_HANDLE (run->call)) &&
      jc_video_call_get_state (run->call) != JC_VIDEO_CALL_STATE_IDLE)
    {
      g_autoptr (GAsyncResult) result = NULL;
      g_autoptr (GError) error = NULL;

      jc_video_call_hangup_call_async (run->call, NULL, NULL, jc_cli_waiter_callback, run->waiter);
      result = vc_wait (run);
      if (!jc_video_call_hangup_call_finish (run->call, result, &error))
        g_debug ("Hangup: %s", error->message);
    }
  jc_cli_session_detach ((JcCliSession *) run, run->call);
  if (run->call != NULL)
    g_signal_handlers_disconnect_by_data (run->call, run);
  g_clear_object (&run->peer);
  g_clear_object (&run->call);
  jc_cli_session_close ((JcCliSession *) run);
  g_clear_pointer (&run->caller, g_free);
  g_clear_pointer (&run->hangup_reason, g_free);
  g_clear_error (&run->error);
}

static gboolean
vc_register (VcRun *run, const char *username, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  jc_video_call_register_async (run->call, username, run->opts->cancellable, jc_cli_waiter_callback, run->waiter);
  result = vc_wait (run);
  return jc_video_call_register_finish (run->call, result, error);
}

/* Waits until *@flag, the call ended, an error came, the deadline
 * (@wait_s; 0: none) or Ctrl-C. */
static gboolean
vc_wait_for (VcRun *run, const gboolean *flag, int wait_s, const char *what, GError **error)
{
  gint64 deadline = wait_s > 0 ? g_get_monotonic_time () + (gint64) wait_s * G_USEC_PER_SEC : 0;

  while (!*flag)
    {
      if (run->error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&run->error));
          return FALSE;
        }
      if (run->hung_up)
        {
          g_set_error (error, JC_ERROR, JC_ERROR_FAILED, "The call ended while waiting for %s (%s)", what,
                       run->hangup_reason != NULL ? run->hangup_reason : "no reason given");
          return FALSE;
        }
      if (deadline != 0 && g_get_monotonic_time () >= deadline)
        {
          g_set_error (error, JC_ERROR, JC_ERROR_TIMEOUT, "No %s within %d s", what, wait_s);
          return FALSE;
        }
      if (!jc_cli_sleep (100, run->opts->cancellable))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Interrupted while waiting for %s", what);
          return FALSE;
        }
    }
  return TRUE;
}

/* The call is up (or being set up): media for --duration, the summary,
 * the exit status. */
static int
vc_media (VcRun *run, JcCliMediaOptions *media, const char *peer_name)
{
  g_autoptr (JsonObject) summary = NULL;
  g_autoptr (GError) error = NULL;
  double elapsed = 0;
  gboolean media_ok = FALSE;
  gboolean completed;

  if (!run->opts->json)
    fprintf (stderr, "In a call with %s\n", peer_name);
  completed = jc_cli_media_run_until (run->opts, run->peer, media->duration_s, &run->hung_up, &elapsed);
  if (run->webrtcup_us != 0 && !run->opts->json)
    fprintf (stderr, "Call set up in %.0f ms (to webrtcup)\n", (run->webrtcup_us - run->start_us) / 1000.0);
  if (run->hung_up && !run->opts->json)
    fprintf (stderr, "%s hung up (%s)\n", peer_name, run->hangup_reason != NULL ? run->hangup_reason : "no reason given");
  {
    JcPeer *peer = g_object_ref (run->peer);

    vc_close (run);
    summary = jc_cli_media_summary (peer, elapsed, media->output, &media_ok);
    g_object_unref (peer);
  }
  jc_cli_media_print_summary (run->opts, summary);
  if (!completed)
    return JC_CLI_EXIT_INTERRUPTED;
  if (!media_ok)
    {
      jc_cli_warn ("No media came from %s", peer_name);
      return JC_CLI_EXIT_MEDIA;
    }
  return JC_CLI_EXIT_OK;
}

/* The peer for the call, from the media options. */
static int
vc_prepare_peer (VcRun *run, JcCliMediaOptions *media)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JcMediaSource) source = jc_cli_media_source (media, &error);
  g_autoptr (JcMediaSink) sink = NULL;

  if (source == NULL)
    return jc_cli_usage_or_fail (run->opts, error);
  sink = jc_cli_media_sink (media, &error);
  if (sink == NULL)
    return jc_cli_usage_error (run->opts, "%s", error->message);
  run->peer = jc_cli_media_peer (run->opts, JC_HANDLE (run->call));
  jc_peer_set_source (run->peer, source);
  jc_peer_set_sink (run->peer, sink);
  jc_video_call_set_peer (run->call, run->peer);
  return JC_CLI_EXIT_OK;
}

/* Caps the other side's sending bitrate, when --bitrate was given. */
static gboolean
vc_set_bitrate (VcRun *run, JcCliMediaOptions *media, GError **error)
{
  g_autoptr (JcVideoCallRequest) request = NULL;
  g_autoptr (GAsyncResult) result = NULL;

  if (media->bitrate <= 0)
    return TRUE;
  request = jc_video_call_request_new ();
  jc_video_call_request_set_bitrate (request, (guint) media->bitrate);
  jc_video_call_set_async (run->call, request, NULL, run->opts->cancellable, jc_cli_waiter_callback, run->waiter);
  result = vc_wait (run);
  return jc_video_call_set_finish (run->call, result, error);
}

static int
vc_parse (JcCliOptions *opts, const char *sub, const char *params, const char *summary, const GOptionEntry *entries, int want_args, int *argc, char ***argv)
{
  g_autofree char *command = g_strdup_printf ("videocall %s", sub);
  int status = jc_cli_parse_command (opts, command, params, summary, entries, argc, argv);

  if (status != JC_CLI_EXIT_OK)
    return status;
  if (*argc - 1 != want_args)
    return want_args == 0 ? jc_cli_usage_error (opts, "videocall %s takes no arguments", sub)
                          : jc_cli_usage_error (opts, "videocall %s needs %s", sub, params);
  if (want_args > 0 && *(*argv)[1] == '\0')
    return jc_cli_usage_error (opts, "videocall %s: the username is empty", sub);
  return JC_CLI_EXIT_OK;
}

static int
cmd_list (JcCliOptions *opts, int argc, char **argv)
{
  VcRun run = { opts };
  g_autoptr (GError) error = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_auto (GStrv) users = NULL;
  int status = vc_parse (opts, "list", "", "List the registered users.", NULL, 0, &argc, &argv);

  if (status != JC_CLI_EXIT_OK)
    return status;
  if (!vc_open (&run, &error))
    {
      vc_close (&run);
      return jc_cli_fail (opts, error);
    }
  jc_video_call_list_async (run.call, opts->cancellable, jc_cli_waiter_callback, run.waiter);
  result = vc_wait (&run);
  users = jc_video_call_list_finish (run.call, result, &error);
  vc_close (&run);
  if (users == NULL)
    return jc_cli_fail (opts, error);
  if (opts->json)
    {
      g_autoptr (JsonObject) out = json_object_new ();
      JsonArray *array = json_array_new ();

      for (guint i = 0; users[i] != NULL; i++)
        json_array_add_string_element (array, users[i]);
      json_object_set_array_member (out, "users", array);
      jc_cli_print_json_object (opts, out);
    }
  else if (users[0] == NULL)
    printf ("No users registered.\n");
  else
    for (guint i = 0; users[i] != NULL; i++)
      printf ("%s\n", users[i]);
  return JC_CLI_EXIT_OK;
}

static int
cmd_register (JcCliOptions *opts, int argc, char **argv)
{
  gboolean accept = FALSE;
  int wait_s = 60;
  const GOptionEntry own[] = {
    { "accept", 0, 0, G_OPTION_ARG_NONE, &accept, "Answer the first call, then send and receive media", NULL },
    { "wait", 0, 0, G_OPTION_ARG_INT, &wait_s, "Seconds to wait for a call (default 60; 0: forever)", "SECS" },
    G_OPTION_ENTRY_NULL
  };
  JcCliMediaOptions media;
  g_autofree GOptionEntry *entries = NULL;
  VcRun run = { opts };
  g_autoptr (GError) error = NULL;
  int status;

  jc_cli_media_options_init (&media);
  entries = jc_cli_media_join_entries (own, jc_cli_media_entries (&media));
  status = vc_parse (opts, "register", "NAME", "Register NAME and wait for calls (answer one with --accept).", entries, 1,
                     &argc, &argv);
  if (status == JC_CLI_EXIT_OK && wait_s < 0)
    status = jc_cli_usage_error (opts, "--wait must be 0 or more seconds");
  if (status != JC_CLI_EXIT_OK)
    goto out;
  if (!vc_open (&run, &error) || (accept && !jc_cli_media_available (opts, &error)))
    goto fail;
  if (accept && (status = vc_prepare_peer (&run, &media)) != JC_CLI_EXIT_OK)
    goto out;
  if (!vc_register (&run, argv[1], &error))
    goto fail;
  if (!opts->json)
    fprintf (stderr, "Registered as %s; waiting for a call\n", argv[1]);

  if (!accept)
    {
      /* Tell each call and decline it, until the wait is over. */
      gint64 deadline = wait_s > 0 ? g_get_monotonic_time () + (gint64) wait_s * G_USEC_PER_SEC : 0;

      while (deadline == 0 || g_get_monotonic_time () < deadline)
        {
          if (!jc_cli_sleep (100, opts->cancellable))
            {
              status = JC_CLI_EXIT_INTERRUPTED;
              goto out;
            }
          if (run.incoming)
            {
              g_autoptr (GAsyncResult) result = NULL;

              run.incoming = FALSE;
              if (opts->json)
                {
                  g_autoptr (JsonObject) line = json_object_new ();

                  json_object_set_string_member (line, "event", "incomingcall");
                  json_object_set_string_member (line, "username", run.caller);
                  jc_cli_print_json_object (opts, line);
                }
              else
                printf ("%s calls; declining (use --accept to answer)\n", run.caller);
              jc_video_call_hangup_call_async (run.call, "Declined", opts->cancellable, jc_cli_waiter_callback, run.waiter);
              result = vc_wait (&run);
              if (!jc_video_call_hangup_call_finish (run.call, result, &error))
                goto fail;
              run.hung_up = FALSE;
            }
        }
      status = JC_CLI_EXIT_OK;
      goto out;
    }

  if (!vc_wait_for (&run, &run.incoming, wait_s, "incoming call", &error))
    goto fail;
  run.start_us = g_get_monotonic_time ();
  if (!opts->json)
    fprintf (stderr, "%s calls; answering\n", run.caller);
  {
    g_autoptr (GAsyncResult) result = NULL;

    jc_video_call_accept_async (run.call, NULL, opts->cancellable, jc_cli_waiter_callback, run.waiter);
    result = vc_wait (&run);
    if (!jc_video_call_accept_finish (run.call, result, &error) || !vc_set_bitrate (&run, &media, &error))
      goto fail;
  }
  {
    g_autofree char *caller = g_strdup (run.caller);

    status = vc_media (&run, &media, caller);
  }
  goto out;

fail:
  status = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ? JC_CLI_EXIT_INTERRUPTED : jc_cli_fail (opts, error);
out:
  vc_close (&run);
  jc_cli_media_options_clear (&media);
  return status;
}

static int
cmd_call (JcCliOptions *opts, int argc, char **argv)
{
  g_autofree char *as = NULL;
  int wait_s = 30;
  const GOptionEntry own[] = {
    { "as", 0, 0, G_OPTION_ARG_STRING, &as, "The username to register first (required)", "ME" },
    { "wait", 0, 0, G_OPTION_ARG_INT, &wait_s, "Seconds to wait for the answer (default 30; 0: forever)", "SECS" },
    G_OPTION_ENTRY_NULL
  };
  JcCliMediaOptions media;
  g_autofree GOptionEntry *entries = NULL;
  VcRun run = { opts };
  g_autoptr (GError) error = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  int status;

  jc_cli_media_options_init (&media);
  entries = jc_cli_media_join_entries (own, jc_cli_media_entries (&media));
  status = vc_parse (opts, "call", "NAME", "Call NAME (registering as --as ME), then send and receive media.", entries, 1,
                     &argc, &argv);
  if (status == JC_CLI_EXIT_OK && (as == NULL || *as == '\0'))
    status = jc_cli_usage_error (opts, "videocall call needs --as ME (the username to call from)");
  if (status == JC_CLI_EXIT_OK && wait_s < 0)
    status = jc_cli_usage_error (opts, "--wait must be 0 or more seconds");
  if (status != JC_CLI_EXIT_OK)
    goto out;
  if (!vc_open (&run, &error) || !jc_cli_media_available (opts, &error))
    goto fail;
  if ((status = vc_prepare_peer (&run, &media)) != JC_CLI_EXIT_OK)
    goto out;
  if (!vc_register (&run, as, &error))
    goto fail;
  run.start_us = g_get_monotonic_time ();
  jc_video_call_call_async (run.call, argv[1], NULL, opts->cancellable, jc_cli_waiter_callback, run.waiter);
  result = vc_wait (&run);
  if (!jc_video_call_call_finish (run.call, result, &error))
    goto fail;
  if (!opts->json)
    fprintf (stderr, "Calling %s\n", argv[1]);
  if (!vc_wait_for (&run, &run.accepted, wait_s, "answer", &error) || !vc_set_bitrate (&run, &media, &error))
    goto fail;
  status = vc_media (&run, &media, argv[1]);
  goto out;

fail:
  status = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ? JC_CLI_EXIT_INTERRUPTED : jc_cli_fail (opts, error);
out:
  vc_close (&run);
  jc_cli_media_options_clear (&media);
  return status;
}

static const JcCliCommand subcommands[] = {
  { "list", "list the registered users", cmd_list },
  { "register", "register a username and wait for calls (--accept answers one)", cmd_register },
  { "call", "call a user (--as ME) and send and receive media", cmd_call },
};

int
jc_cmd_videocall (JcCliOptions *opts, int argc, char **argv)
{
  return jc_cli_run_subcommand (opts, "videocall", subcommands, G_N_ELEMENTS (subcommands), argc, argv);
}
