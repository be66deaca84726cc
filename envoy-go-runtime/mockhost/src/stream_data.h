/* What Envoy keeps about one stream besides its frames: the StreamInfo values, dynamic
 * metadata, filter state, what the filter asked of the connection manager (route cache,
 * upstream override host, draining), and the test's inputs (properties, secrets). The
 * request op fills it (docs/host-protocol.md); the C API reads and changes it. Access is
 * under the data's own lock: Envoy answers some getters inline on Go threads. */
#ifndef MOCKHOST_STREAM_DATA_H
#define MOCKHOST_STREAM_DATA_H

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>

#include "../../golangfilter/envoy_capi.h"
#include "json.h"
#include "util.h"

typedef struct {
  bool present;
  strbuf text;
} opt_string;

typedef struct {
  strbuf key;
  strbuf value;
} string_pair;

typedef struct {
  string_pair* items;
  size_t len, cap;
} string_map;

typedef struct {
  strbuf key;
  strbuf value;
  int life_span;
  int stream_sharing;
} filter_state_entry;

typedef struct {
  pthread_mutex_t mu;
  /* StreamInfo as the op gives it (defaults filled in) */
  strbuf route_name;
  strbuf filter_chain_name;
  int protocol; /* Http::Protocol 0..3, -1 for none */
  strbuf downstream_local;
  strbuf downstream_remote;
  opt_string upstream_local;
  opt_string upstream_remote;
  opt_string upstream_cluster;
  opt_string virtual_cluster;
  uint64_t attempt_count;
  uint32_t worker_id;
  /* inputs */
  string_map properties;
  string_map secrets;
  /* changed along the stream */
  json_value* metadata; /* object: namespace -> object of values */
  filter_state_entry* filter_state;
  size_t filter_state_len, filter_state_cap;
  strbuf route_cache; /* 'c' clear, 'r' refresh, in order */
  bool override_set;
  strbuf override_host;
  bool override_strict;
  bool drain;
  bool upstream_reached; /* the router has the request: upstream info and attempt count */
  bool response_code_set;
  uint64_t response_code;
  bool details_set;
  strbuf details;
} stream_data;

/* Parses the op's streamInfo, properties, secrets, metadata and filterState; the config's
 * secrets apply when the op gives none. Returns false and writes err on bad input. */
bool sd_init(stream_data* d, const json_value* op, const string_map* config_secrets, uint32_t concurrency,
             char* err, size_t errlen);
void sd_free(stream_data* d);

/* Reads a string map ({"name":"value",...}); where names the field in errors. */
bool string_map_read(string_map* m, const json_value* v, const char* where, char* err, size_t errlen);
void string_map_copy(string_map* dst, const string_map* src);
const string_pair* string_map_get(const string_map* m, const char* key, size_t len);
void string_map_free(string_map* m);

/* The C API's reads and writes (Filter::getX / setX of golang_filter.cc, after the checks).
 * Getters copy into scratch (the request's strValue) and point value_data at it. */
CAPIStatus sd_get_string_value(stream_data* d, int id, strbuf* scratch, uint64_t* value_data, int* value_len);
CAPIStatus sd_get_integer_value(stream_data* d, int id, uint64_t* value);
void sd_get_metadata(stream_data* d, const char* ns, size_t ns_len, strbuf* scratch, uint64_t* value_data, int* value_len);
/* value is a serialized google.protobuf.Value; false when it does not parse. */
bool sd_set_metadata(stream_data* d, const char* ns, size_t ns_len, const char* key, size_t key_len, const char* value,
                     size_t value_len);
void sd_get_filter_state(stream_data* d, const char* key, size_t len, strbuf* scratch, uint64_t* value_data, int* value_len);
void sd_set_filter_state(stream_data* d, const char* key, size_t key_len, const char* value, size_t value_len,
                         int life_span, int stream_sharing);
CAPIStatus sd_get_property(stream_data* d, const char* path, size_t len, strbuf* scratch, uint64_t* value_data, int* value_len);
void sd_get_secret(stream_data* d, const char* name, size_t len, strbuf* scratch, uint64_t* value_data, int* value_len);
void sd_route_cache(stream_data* d, bool refresh);
void sd_set_override_host(stream_data* d, const char* host, size_t len, bool strict);
void sd_set_drain(stream_data* d);
/* Facts the connection manager and router record. */
void sd_upstream_reached(stream_data* d);
void sd_set_response_code(stream_data* d, uint64_t code);
void sd_set_details(stream_data* d, const char* details, size_t len);

/* Appends the result members this data adds (",\"metadata\":..." and so on), each left out
 * while it holds its default. */
void sd_write_result(stream_data* d, strbuf* out);

/* Http::Utility::parseAuthority(host).is_ip_address_. */
bool is_ip_authority(const char* host, size_t len);

#endif
