#ifndef GONGSHI_CATOMICRENAME_H
#define GONGSHI_CATOMICRENAME_H

/// Atomically exchanges two paths (Linux renameat2 RENAME_EXCHANGE).
/// Returns 0 on success, or -1 with errno set; errno ENOSYS/EINVAL when the
/// kernel or file system does not support the exchange.
int gongshi_exchange_paths(const char *from, const char *to);

#endif
