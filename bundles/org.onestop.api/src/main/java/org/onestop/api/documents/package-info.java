/**
 * Documents (文书): every notice and decision a case act issues, with the standard contents the province
 * asks for, as data and as a printable page.
 */
@Export
@Version("1.0.0")
package org.onestop.api.documents;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
