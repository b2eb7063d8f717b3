/**
 * The national identifiers OneStop checks: resident ID (GB 11643), unified social credit code
 * (GB 32100) and administrative region code (GB/T 2260), with their masks for public views.
 */
@Export
@Version("1.0.0")
package org.onestop.api.id;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
