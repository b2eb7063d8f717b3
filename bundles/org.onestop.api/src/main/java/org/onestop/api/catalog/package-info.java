/**
 * The catalog of a center (政务服务中心): the center itself, its stationed departments (进驻部门) and the
 * approval and service items (审批事项) with every element of their service guides (办事指南).
 */
@Export
@Version("1.1.0")
package org.onestop.api.catalog;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
