/* jc-error.h: error domains
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(JC_INSIDE) && !defined(JC_COMPILATION)
#error "Only <janus-client/janus-client.h> can be included directly."
#endif

#include <glib.h>

#include "jc-version-macros.h"

G_BEGIN_DECLS

/**
 * JC_ERROR:
 *
 * The error domain of the client's own errors; codes are [enum@Error].
 */
#define JC_ERROR (jc_error_quark ())

/**
 * JC_SERVER_ERROR:
 *
 * The error domain of errors the Janus core answered; codes are Janus's own
 * numbers ([enum@ServerError]), the message keeps Janus's reason.
 */
#define JC_SERVER_ERROR (jc_server_error_quark ())

/**
 * JC_PLUGIN_ERROR:
 *
 * The error domain of errors a plugin answered (`error_code` and `error`
 * inside the plugin data). The code is the plugin's `error_code`, e.g.
 * VideoRoom's 426 "No such room"; the message keeps the plugin's text.
 */
#define JC_PLUGIN_ERROR (jc_plugin_error_quark ())

/**
 * JcError:
 * @JC_ERROR_FAILED: a failure no other code describes
 * @JC_ERROR_TIMEOUT: the server did not answer within the request's timeout
 * @JC_ERROR_CLOSED: the connection closed (or was closed) before the request
 *   completed
 * @JC_ERROR_PROTOCOL: the server sent something that breaks the Janus
 *   protocol (not JSON, a missing or wrongly typed field, …)
 * @JC_ERROR_INVALID_ARGUMENT: the caller passed a value the request cannot
 *   carry (an unknown URI scheme, a body that is not an object, …)
 * @JC_ERROR_CONNECT: connecting to the server failed
 * @JC_ERROR_NOT_CONNECTED: the client is not connected
 * @JC_ERROR_SESSION_DEAD: the session timed out or was destroyed
 * @JC_ERROR_HANDLE_DETACHED: the handle is detached
 * @JC_ERROR_MEDIA: media could not be set up or did not flow (a file that
 *   cannot be read, a missing device, a failed negotiation, …)
 *
 * Error codes of the [error@Error] domain.
 */
typedef enum
{
  JC_ERROR_FAILED,
  JC_ERROR_TIMEOUT,
  JC_ERROR_CLOSED,
  JC_ERROR_PROTOCOL,
  JC_ERROR_INVALID_ARGUMENT,
  JC_ERROR_CONNECT,
  JC_ERROR_NOT_CONNECTED,
  JC_ERROR_SESSION_DEAD,
  JC_ERROR_HANDLE_DETACHED,
  JC_ERROR_MEDIA,
} JcError;

/**
 * JcServerError:
 * @JC_SERVER_ERROR_UNAUTHORIZED: wrong or missing secret or token (403)
 * @JC_SERVER_ERROR_UNAUTHORIZED_PLUGIN: the token may not use the plugin (405)
 * @JC_SERVER_ERROR_TRANSPORT_SPECIFIC: transport specific error (450)
 * @JC_SERVER_ERROR_MISSING_REQUEST: missing request (452)
 * @JC_SERVER_ERROR_UNKNOWN_REQUEST: unknown request (453)
 * @JC_SERVER_ERROR_INVALID_JSON: invalid JSON (454)
 * @JC_SERVER_ERROR_INVALID_JSON_OBJECT: invalid JSON object (455)
 * @JC_SERVER_ERROR_MISSING_MANDATORY_ELEMENT: missing mandatory element (456)
 * @JC_SERVER_ERROR_INVALID_REQUEST_PATH: invalid path for this request (457)
 * @JC_SERVER_ERROR_SESSION_NOT_FOUND: no such session (458)
 * @JC_SERVER_ERROR_HANDLE_NOT_FOUND: no such handle (459)
 * @JC_SERVER_ERROR_PLUGIN_NOT_FOUND: no such plugin (460)
 * @JC_SERVER_ERROR_PLUGIN_ATTACH: error attaching the plugin (461)
 * @JC_SERVER_ERROR_PLUGIN_MESSAGE: error sending a message to the plugin (462)
 * @JC_SERVER_ERROR_PLUGIN_DETACH: error detaching from the plugin (463)
 * @JC_SERVER_ERROR_JSEP_UNKNOWN_TYPE: unsupported JSEP type (464)
 * @JC_SERVER_ERROR_JSEP_INVALID_SDP: invalid SDP (465)
 * @JC_SERVER_ERROR_TRICKLE_INVALID_STREAM: invalid stream in a trickle (466)
 * @JC_SERVER_ERROR_INVALID_ELEMENT_TYPE: an element has the wrong type (467)
 * @JC_SERVER_ERROR_SESSION_CONFLICT: session id already in use (468)
 * @JC_SERVER_ERROR_UNEXPECTED_ANSWER: an answer with no offer (469)
 * @JC_SERVER_ERROR_TOKEN_NOT_FOUND: token not found (470)
 * @JC_SERVER_ERROR_WEBRTC_STATE: wrong WebRTC state (471)
 * @JC_SERVER_ERROR_NOT_ACCEPTING_SESSIONS: not accepting new sessions (472)
 * @JC_SERVER_ERROR_UNKNOWN: unknown error (490)
 *
 * Error codes of the [error@ServerError] domain: the numbers of Janus's
 * `apierror.h`. A code Janus adds later arrives with its own number even
 * though this enumeration does not name it.
 */
typedef enum
{
  JC_SERVER_ERROR_UNAUTHORIZED = 403,
  JC_SERVER_ERROR_UNAUTHORIZED_PLUGIN = 405,
  JC_SERVER_ERROR_TRANSPORT_SPECIFIC = 450,
  JC_SERVER_ERROR_MISSING_REQUEST = 452,
  JC_SERVER_ERROR_UNKNOWN_REQUEST = 453,
  JC_SERVER_ERROR_INVALID_JSON = 454,
  JC_SERVER_ERROR_INVALID_JSON_OBJECT = 455,
  JC_SERVER_ERROR_MISSING_MANDATORY_ELEMENT = 456,
  JC_SERVER_ERROR_INVALID_REQUEST_PATH = 457,
  JC_SERVER_ERROR_SESSION_NOT_FOUND = 458,
  JC_SERVER_ERROR_HANDLE_NOT_FOUND = 459,
  JC_SERVER_ERROR_PLUGIN_NOT_FOUND = 460,
  JC_SERVER_ERROR_PLUGIN_ATTACH = 461,
  JC_SERVER_ERROR_PLUGIN_MESSAGE = 462,
  JC_SERVER_ERROR_PLUGIN_DETACH = 463,
  JC_SERVER_ERROR_JSEP_UNKNOWN_TYPE = 464,
  JC_SERVER_ERROR_JSEP_INVALID_SDP = 465,
  JC_SERVER_ERROR_TRICKLE_INVALID_STREAM = 466,
  JC_SERVER_ERROR_INVALID_ELEMENT_TYPE = 467,
  JC_SERVER_ERROR_SESSION_CONFLICT = 468,
  JC_SERVER_ERROR_UNEXPECTED_ANSWER = 469,
  JC_SERVER_ERROR_TOKEN_NOT_FOUND = 470,
  JC_SERVER_ERROR_WEBRTC_STATE = 471,
  JC_SERVER_ERROR_NOT_ACCEPTING_SESSIONS = 472,
  JC_SERVER_ERROR_UNKNOWN = 490,
} JcServerError;

/**
 * JcPluginError:
 * @JC_PLUGIN_ERROR_UNKNOWN: the "unknown error" most plugins answer (499)
 *
 * The [error@PluginError] domain's codes are each plugin's own
 * `error_code` numbers (VideoRoom's 426 "No such room", VideoCall's 478
 * "No such username", …); this enumeration names only the one they share.
 */
typedef enum
{
  JC_PLUGIN_ERROR_UNKNOWN = 499,
} JcPluginError;

JC_AVAILABLE_IN_ALL
GQuark jc_error_quark (void);
JC_AVAILABLE_IN_ALL
GQuark jc_server_error_quark (void);
JC_AVAILABLE_IN_ALL
GQuark jc_plugin_error_quark (void);

JC_AVAILABLE_IN_ALL
const char *jc_server_error_describe (int code);

G_END_DECLS
