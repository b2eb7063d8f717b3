/** Adapts the Jakarta Servlet API (6.0) to the plain-Java router of the JSON API. */
package org.onestop.web.internal.servlet;
