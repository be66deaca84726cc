/* A library missing every entry point: the host must refuse it and name each symbol. */
int mosn_ts_not_a_filter(void);
int mosn_ts_not_a_filter(void) { return 0; }
