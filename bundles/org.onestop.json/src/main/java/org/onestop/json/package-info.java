/**
 * OneStop's JSON: the one configured Gson every component uses, and the readers of OneStop's data
 * files (national holiday schedules, catalog documents). The rest of the platform never builds a
 * Gson of its own.
 */
@Export
@Version("1.1.0")
package org.onestop.json;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
