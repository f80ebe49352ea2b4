/* jc-test-media.h: helpers for the test programs that run media through a
 * private Janus
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <janus-client/janus-client.h>

#include "jc-local-janus.h"

G_BEGIN_DECLS

/* Whether this process can run media tests: Janus gathers no candidates
 * on loopback, and its network namespace needs root. */
gboolean jc_test_media_possible (void);
/* A private Janus in a network namespace, or NULL when media is not
 * possible (aborts when it cannot start). @setup (nullable) configures it
 * first. */
JcLocalJanus *jc_test_media_janus_start (void (*setup) (JcLocalJanus *janus));
/* Stops and unrefs @janus (nullable). */
void jc_test_media_janus_stop (JcLocalJanus *janus);
/* g_test_add_func () / g_test_add_data_func (), or a skipped test saying
 * why when media is not possible. */
void jc_test_media_add_func (const char *path, GTestFunc func);
void jc_test_media_add_data_func (const char *path, gconstpointer data, GTestDataFunc func);

/* Blocking VideoRoom attach; aborts the test on error. */
JcVideoRoom *jc_test_video_room_attach (JcSession *session);
/* Creates room @wanted with @options through @vr (blocking) and checks it
 * was created as asked. (transfer full) */
JcId *jc_test_video_room_create (JcVideoRoom *vr, const JcId *wanted, JcVideoRoomRequest *options);
/* A peer for @handle gathering on @janus's veth address only. */
JcPeer *jc_test_peer_new (JcLocalJanus *janus, JcHandle *handle);
/* Stops @peer (blocking) and checks it stopped cleanly. */
void jc_test_peer_stop (JcPeer *peer);
/* Frames (video) or buffers (audio) received on the track with @mid. */
gint64 jc_test_received_frames (JcPeer *peer, const char *mid);

/* The subscription's active mid of @kind ("video", "audio") fed by @feed,
 * or NULL (transfer full). */
char *jc_test_video_room_sub_mid (JcVideoRoom *sub, const JcId *feed, const char *kind);
/* JcVideoRoom::error handler that fails the test. */
void jc_test_video_room_fail_on_error (JcVideoRoom *vr, GError *error, gpointer user_data);
/* JcVideoRoom::updated handler counting into the guint at @count. */
void jc_test_video_room_count_updates (JcVideoRoom *vr, GPtrArray *streams, guint *count);

/* Writes @dir/NAME: @seconds of VP8 @width×@height at 15 fps with Opus;
 * returns the path (transfer full). */
char *jc_test_make_webm (const char *dir, const char *name, int width, int height, int seconds);
/* Asserts the discoverer reads @path, that one stream's caps start with
 * @caps_prefix and that it lasts at least @min_seconds. */
void jc_test_check_media_file (const char *path, const char *caps_prefix, double min_seconds);
/* Converts Janus's MJR recording @mjr with janus-pp-rec to @out. */
void jc_test_post_process_mjr (const char *mjr, const char *out);
/* Removes @path and everything below it. */
void jc_test_remove_tree (const char *path);

G_END_DECLS
