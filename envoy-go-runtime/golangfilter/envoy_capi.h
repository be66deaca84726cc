/*
 * Envoy's side of the golang HTTP filter ABI, as declared by Envoy v1.39.1's
 * contrib/golang/common/go/api/api.h (byte-identical in v1.38.3): the data layouts the
 * entry points receive and the C functions a filter library may call. Only the HTTP
 * filter's part is declared; the network filter and TCP bridge functions are left out.
 *
 * Both sides include this header: the Go runtime (golangfilter, through cgo) calls these
 * functions, and the mock host (mockhost/) defines them. Keep it in step with api.h of
 * every targeted Envoy release.
 */
#ifndef MOSN_TS_ENVOY_CAPI_H
#define MOSN_TS_ENVOY_CAPI_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

typedef struct {
  const char* data;
  uint64_t len;
} Cstring;

struct httpRequest;

/* One direction of a stream; Envoy's ProcessorState derives from it. */
typedef struct {
  struct httpRequest* req;
  int is_encoding;
  int state; /* FilterState, see ENVOY_FILTER_STATE_* */
} processState;

typedef struct httpRequest {
  Cstring plugin_name;
  uint64_t configId;
  uint32_t worker_id;
  _Atomic(int) is_golang_processing_log;
} httpRequest;

typedef struct {
  uint64_t plugin_name_ptr;
  uint64_t plugin_name_len;
  uint64_t config_ptr;
  uint64_t config_len;
  int is_route_config;
  uint32_t concurrency;
} httpConfig;

typedef enum {
  Set,
  Append,
  Prepend,
} bufferAction;

typedef enum {
  HeaderSet,
  HeaderAdd,
} headerAction;

typedef enum {
  CAPIOK = 0,
  CAPIFilterIsGone = -1,
  CAPIFilterIsDestroy = -2,
  CAPINotInGo = -3,
  CAPIInvalidPhase = -4,
  CAPIValueNotFound = -5,
  CAPIYield = -6,
  CAPIInternalFailure = -7,
  CAPISerializationFailure = -8,
  CAPIInvalidScene = -9,
  CAPIInvalidIPAddress = -10,
} CAPIStatus;

/* Values of processState.state (Envoy's enum class FilterState). */
enum {
  ENVOY_FILTER_STATE_WAITING_HEADER = 0,
  ENVOY_FILTER_STATE_PROCESSING_HEADER = 1,
  ENVOY_FILTER_STATE_WAITING_DATA = 2,
  ENVOY_FILTER_STATE_WAITING_ALL_DATA = 3,
  ENVOY_FILTER_STATE_PROCESSING_DATA = 4,
  ENVOY_FILTER_STATE_WAITING_TRAILER = 5,
  ENVOY_FILTER_STATE_PROCESSING_TRAILER = 6,
  ENVOY_FILTER_STATE_DONE = 7,
};

/* Decode/encode phase functions: the first argument is a processState*. */
CAPIStatus envoyGoFilterHttpContinue(void* s, int status);
CAPIStatus envoyGoFilterHttpSendLocalReply(void* s, int response_code, void* body_text_data,
                                           int body_text_len, void* headers, int headers_num,
                                           long long int grpc_status, void* details_data,
                                           int details_len);
CAPIStatus envoyGoFilterHttpSendPanicReply(void* s, void* details_data, int details_len);
CAPIStatus envoyGoFilterHttpAddData(void* s, void* data, int data_len, bool is_streaming);
CAPIStatus envoyGoFilterHttpInjectData(void* s, void* data, int data_len);

CAPIStatus envoyGoFilterHttpGetHeader(void* s, void* key_data, int key_len, uint64_t* value_data,
                                      int* value_len);
CAPIStatus envoyGoFilterHttpCopyHeaders(void* s, void* strs, void* buf);
CAPIStatus envoyGoFilterHttpSetHeaderHelper(void* s, void* key_data, int key_len, void* value_data,
                                            int value_len, headerAction action);
CAPIStatus envoyGoFilterHttpRemoveHeader(void* s, void* key_data, int key_len);

CAPIStatus envoyGoFilterHttpGetBuffer(void* s, uint64_t buffer, void* value);
CAPIStatus envoyGoFilterHttpDrainBuffer(void* s, uint64_t buffer, uint64_t length);
CAPIStatus envoyGoFilterHttpSetBufferHelper(void* s, uint64_t buffer, void* data, int length,
                                            bufferAction action);

CAPIStatus envoyGoFilterHttpCopyTrailers(void* s, void* strs, void* buf);
CAPIStatus envoyGoFilterHttpSetTrailer(void* s, void* key_data, int key_len, void* value,
                                       int value_len, headerAction action);
CAPIStatus envoyGoFilterHttpRemoveTrailer(void* s, void* key_data, int key_len);
CAPIStatus envoyGoFilterHttpSetUpstreamOverrideHost(void* s, void* host_data, int host_len,
                                                    bool strict);

/* Request-level functions: the first argument is an httpRequest*. */
CAPIStatus envoyGoFilterHttpClearRouteCache(void* r, bool refresh);
CAPIStatus envoyGoFilterHttpGetStringValue(void* r, int id, uint64_t* value_data, int* value_len);
CAPIStatus envoyGoFilterHttpGetIntegerValue(void* r, int id, uint64_t* value);

CAPIStatus envoyGoFilterHttpGetDynamicMetadata(void* r, void* name_data, int name_len,
                                               uint64_t* value_data, int* value_len);
CAPIStatus envoyGoFilterHttpSetDynamicMetadata(void* r, void* name_data, int name_len,
                                               void* key_data, int key_len, void* buf_data,
                                               int buf_len);
void envoyGoFilterHttpFinalize(void* r, int reason);

CAPIStatus envoyGoFilterHttpSetStringFilterState(void* r, void* key_data, int key_len,
                                                 void* value_data, int value_len, int state_type,
                                                 int life_span, int stream_sharing);
CAPIStatus envoyGoFilterHttpGetStringFilterState(void* r, void* key_data, int key_len,
                                                 uint64_t* value_data, int* value_len);
CAPIStatus envoyGoFilterHttpGetStringProperty(void* r, void* key_data, int key_len,
                                              uint64_t* value_data, int* value_len, int* rc);
CAPIStatus envoyGoFilterHttpGetStringSecret(void* r, void* key_data, int key_len,
                                            uint64_t* value_data, int* value_len);
CAPIStatus envoyGoFilterHttpSetDrainConnectionUponCompletion(void* r);

/* Process-wide functions. */
void envoyGoFilterLog(uint32_t level, void* message_data, int message_len);
uint32_t envoyGoFilterLogLevel(void);

/* Config-level functions: the first argument is the httpConfig* of a non-route config. */
void envoyGoConfigHttpFinalize(void* c);
CAPIStatus envoyGoFilterHttpDefineMetric(void* c, uint32_t metric_type, void* name_data,
                                         int name_len, uint32_t* metric_id);
CAPIStatus envoyGoFilterHttpIncrementMetric(void* c, uint32_t metric_id, int64_t offset);
CAPIStatus envoyGoFilterHttpGetMetric(void* c, uint32_t metric_id, uint64_t* value);
CAPIStatus envoyGoFilterHttpRecordMetric(void* c, uint32_t metric_id, uint64_t value);

#endif /* MOSN_TS_ENVOY_CAPI_H */
