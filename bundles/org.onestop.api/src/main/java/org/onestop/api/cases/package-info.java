/**
 * Cases (办件): one application of one applicant for one item, with its number, timeline and deadline.
 */
@Export
@Version("1.3.0")
package org.onestop.api.cases;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
