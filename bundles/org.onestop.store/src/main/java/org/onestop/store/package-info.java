/**
 * The store (数据存储): every read and write of OneStop's records goes through {@link org.onestop.store.Store}
 * and its {@link org.onestop.store.StoreSession}, and all SQL stays behind the {@link org.onestop.store.SqlDialect}
 * seam, so that a PostgreSQL store can serve a province without touching the model or the services.
 */
@Export
@Version("1.2.0")
package org.onestop.store;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
