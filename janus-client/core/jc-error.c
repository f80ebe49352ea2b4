/* jc-error.c: error domains
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "jc-error.h"

/**
 * jc_error_quark:
 *
 * Gets the quark of the client's own error domain, %JC_ERROR.
 *
 * Returns: the quark of [error@Error]
 */
/**
 * jc_server_error_quark:
 *
 * Gets the quark of the domain of errors the Janus core answered,
 * %JC_SERVER_ERROR.
 *
 * Returns: the quark of [error@ServerError]
 */
/**
 * jc_plugin_error_quark:
 *
 * Gets the quark of the domain of errors plugins answered,
 * %JC_PLUGIN_ERROR.
 *
 * Returns: the quark of [error@PluginError]
 */
/* clang-format off */
G_DEFINE_QUARK (jc-error-quark, jc_error)
G_DEFINE_QUARK (jc-server-error-quark, jc_server_error)
G_DEFINE_QUARK (jc-plugin-error-quark, jc_plugin_error)
/* clang-format on */

/**
 * jc_server_error_describe:
 * @code: a Janus API error code
 *
 * Returns a short English description of a Janus API error code, as a
 * person would read it in an error message ("No such session" for 458).
 *
 * Returns: (transfer none): a static string; "Unknown error code" for a
 *   number Janus 1.1 does not define
 */
const char *
jc_server_error_describe (int code)
{
  switch (code)
    {
    case JC_SERVER_ERROR_UNAUTHORIZED:
      return "Unauthorized";
    case JC_SERVER_ERROR_UNAUTHORIZED_PLUGIN:
      return "Unauthorized plugin";
    case JC_SERVER_ERROR_TRANSPORT_SPECIFIC:
      return "Transport specific error";
    case JC_SERVER_ERROR_MISSING_REQUEST:
      return "Missing request";
    case JC_SERVER_ERROR_UNKNOWN_REQUEST:
      return "Unknown request";
    case JC_SERVER_ERROR_INVALID_JSON:
      return "Invalid JSON";
    case JC_SERVER_ERROR_INVALID_JSON_OBJECT:
      return "Invalid JSON object";
    case JC_SERVER_ERROR_MISSING_MANDATORY_ELEMENT:
      return "Missing mandatory element";
    case JC_SERVER_ERROR_INVALID_REQUEST_PATH:
      return "Invalid request path";
    case JC_SERVER_ERROR_SESSION_NOT_FOUND:
      return "No such session";
    case JC_SERVER_ERROR_HANDLE_NOT_FOUND:
      return "No such handle";
    case JC_SERVER_ERROR_PLUGIN_NOT_FOUND:
      return "No such plugin";
    case JC_SERVER_ERROR_PLUGIN_ATTACH:
      return "Error attaching plugin";
    case JC_SERVER_ERROR_PLUGIN_MESSAGE:
      return "Error sending message to plugin";
    case JC_SERVER_ERROR_PLUGIN_DETACH:
      return "Error detaching from plugin";
    case JC_SERVER_ERROR_JSEP_UNKNOWN_TYPE:
      return "Unsupported JSEP type";
    case JC_SERVER_ERROR_JSEP_INVALID_SDP:
      return "Invalid SDP";
    case JC_SERVER_ERROR_TRICKLE_INVALID_STREAM:
      return "Invalid stream";
    case JC_SERVER_ERROR_INVALID_ELEMENT_TYPE:
      return "Invalid element type";
    case JC_SERVER_ERROR_SESSION_CONFLICT:
      return "Session ID already in use";
    case JC_SERVER_ERROR_UNEXPECTED_ANSWER:
      return "Unexpected answer";
    case JC_SERVER_ERROR_TOKEN_NOT_FOUND:
      return "Token not found";
    case JC_SERVER_ERROR_WEBRTC_STATE:
      return "Wrong WebRTC state";
    case JC_SERVER_ERROR_NOT_ACCEPTING_SESSIONS:
      return "Not accepting new sessions";
    case JC_SERVER_ERROR_UNKNOWN:
      return "Unknown error";
    default:
      return "Unknown error code";
    }
}
