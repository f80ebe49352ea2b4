/* jc-echo-test.h: the EchoTest plugin
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(JC_INSIDE) && !defined(JC_COMPILATION)
#error "Only <janus-client/janus-client.h> can be included directly."
#endif

#include "jc-handle.h"
#include "jc-plugin-handle.h"
#include "jc-version-macros.h"

G_BEGIN_DECLS

/**
 * JC_ECHO_TEST_PLUGIN:
 *
 * The EchoTest plugin's package name.
 */
#define JC_ECHO_TEST_PLUGIN "janus.plugin.echotest"

typedef struct _JcEchoTestRequest JcEchoTestRequest;

#define JC_TYPE_ECHO_TEST_REQUEST (jc_echo_test_request_get_type ())
JC_AVAILABLE_IN_ALL
GType jc_echo_test_request_get_type (void) G_GNUC_CONST;

JC_AVAILABLE_IN_ALL
JcEchoTestRequest *jc_echo_test_request_new (void);
JC_AVAILABLE_IN_ALL
JcEchoTestRequest *jc_echo_test_request_ref (JcEchoTestRequest *self);
JC_AVAILABLE_IN_ALL
void jc_echo_test_request_unref (JcEchoTestRequest *self);
JC_AVAILABLE_IN_ALL
void jc_echo_test_request_set_audio (JcEchoTestRequest *self, gboolean audio);
JC_AVAILABLE_IN_ALL
void jc_echo_test_request_set_video (JcEchoTestRequest *self, gboolean video);
JC_AVAILABLE_IN_ALL
void jc_echo_test_request_set_bitrate (JcEchoTestRequest *self, guint bitrate);
JC_AVAILABLE_IN_ALL
void jc_echo_test_request_set_record (JcEchoTestRequest *self, gboolean record, const char *filename);
JC_AVAILABLE_IN_ALL
void jc_echo_test_request_set_substream (JcEchoTestRequest *self, int substream);
JC_AVAILABLE_IN_ALL
void jc_echo_test_request_set_temporal (JcEchoTestRequest *self, int temporal);
JC_AVAILABLE_IN_ALL
void jc_echo_test_request_set_fallback (JcEchoTestRequest *self, guint fallback_us);
JC_AVAILABLE_IN_ALL
void jc_echo_test_request_set_svc_layers (JcEchoTestRequest *self, int spatial_layer, int temporal_layer);
JC_AVAILABLE_IN_ALL
void jc_echo_test_request_set_audio_codec (JcEchoTestRequest *self, const char *codec);
JC_AVAILABLE_IN_ALL
void jc_echo_test_request_set_video_codec (JcEchoTestRequest *self, const char *codec, const char *profile);
JC_AVAILABLE_IN_ALL
void jc_echo_test_request_set_opusred (JcEchoTestRequest *self, gboolean opusred);
JC_AVAILABLE_IN_ALL
void jc_echo_test_request_set_playout_delay (JcEchoTestRequest *self, int min_delay, int max_delay);
JC_AVAILABLE_IN_ALL
void jc_echo_test_request_set_extra (JcEchoTestRequest *self, const char *name, JsonNode *value);
JC_AVAILABLE_IN_ALL
JsonObject *jc_echo_test_request_to_json (JcEchoTestRequest *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JcEchoTestRequest, jc_echo_test_request_unref)

#define JC_TYPE_ECHO_TEST (jc_echo_test_get_type ())
JC_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (JcEchoTest, jc_echo_test, JC, ECHO_TEST, JcPluginHandle)

JC_AVAILABLE_IN_ALL
void jc_echo_test_attach_async (JcSession *session,
                                const char *opaque_id,
                                GCancellable *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer user_data);
JC_AVAILABLE_IN_ALL
JcEchoTest *jc_echo_test_attach_finish (GAsyncResult *result,
                                        GError **error);

JC_AVAILABLE_IN_ALL
void jc_echo_test_configure_async (JcEchoTest *self,
                                   JcEchoTestRequest *request,
                                   JsonObject *jsep,
                                   GCancellable *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer user_data);
JC_AVAILABLE_IN_ALL
gboolean jc_echo_test_configure_finish (JcEchoTest *self,
                                        GAsyncResult *result,
                                        JsonObject **out_jsep,
                                        GError **error);

G_END_DECLS
