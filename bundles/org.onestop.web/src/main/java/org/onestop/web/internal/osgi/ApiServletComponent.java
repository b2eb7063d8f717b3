package org.onestop.web.internal.osgi;

import jakarta.servlet.Servlet;
import org.onestop.api.access.AccessService;
import org.onestop.api.calendar.WorkCalendar;
import org.onestop.api.cases.CaseService;
import org.onestop.api.catalog.CatalogService;
import org.onestop.api.documents.DocumentService;
import org.onestop.api.inquiry.InquiryService;
import org.onestop.api.plugin.PluginDirectory;
import org.onestop.web.internal.OneStopApi;
import org.onestop.web.internal.servlet.ApiServlet;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * Registers the JSON API on the OSGi Servlet Whiteboard (Felix HTTP Jetty 12 tracks {@code jakarta.servlet.Servlet}
 * services that carry {@code osgi.http.whiteboard.servlet.pattern}). The property types also make bnd require
 * the whiteboard implementation ({@code osgi.implementation=osgi.http}, version 2.0), so the bundle does not
 * resolve without one. The seven services are static references: the API is useless without any of them (without
 * the access service nobody could be told apart from the public, and every protected route would be open or
 * closed to all), and when one is replaced the component is simply rebuilt. It keeps the default ranking, 0:
 * while it is not registered, {@link UnavailableServletComponent}, registered at the same pattern with the
 * lowest ranking, answers 503 in JSON in its place.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("org.onestop.web.api")
@HttpWhiteboardServletPattern("/api/v1/*")
public final class ApiServletComponent extends ApiServlet {

    private static final long serialVersionUID = 1L;

    @Activate
    public ApiServletComponent(@Reference CatalogService catalog, @Reference CaseService cases,
            @Reference DocumentService documents, @Reference InquiryService inquiries,
            @Reference WorkCalendar calendar, @Reference PluginDirectory plugins, @Reference AccessService access,
            BundleContext context) {
        super(new OneStopApi(catalog, cases, documents, inquiries, calendar, plugins, access,
                context.getBundle().getVersion().toString()).router());
    }
}
