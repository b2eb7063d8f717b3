/**
 * The working-day clock (工作日): statutory holidays and make-up working days (调休) from the State
 * Council's annual notices, a center's own days, and the deadline arithmetic every time limit uses.
 */
@Export
@Version("1.0.0")
package org.onestop.api.calendar;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
