package org.onestop.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.onestop.api.ErrorCode;
import org.onestop.api.access.Permission;
import org.onestop.api.access.Role;
import org.onestop.api.access.SecurityEventKind;
import org.onestop.api.calendar.DayKind;
import org.onestop.api.cases.ApplicantType;
import org.onestop.api.cases.BreachRule;
import org.onestop.api.cases.CaseAct;
import org.onestop.api.cases.CaseState;
import org.onestop.api.cases.Channel;
import org.onestop.api.cases.ConsentRule;
import org.onestop.api.cases.Decision;
import org.onestop.api.cases.DeliveryMethod;
import org.onestop.api.cases.ExtensionStatus;
import org.onestop.api.cases.Light;
import org.onestop.api.cases.ProblemKind;
import org.onestop.api.cases.SubCaseState;
import org.onestop.api.catalog.CenterLevel;
import org.onestop.api.catalog.HandlingType;
import org.onestop.api.catalog.ItemKind;
import org.onestop.api.catalog.MaterialForm;
import org.onestop.api.catalog.SpecialProcedure;
import org.onestop.api.documents.DocumentKind;
import org.onestop.api.inquiry.InquiryState;
import org.onestop.api.inquiry.InquiryStepKind;
import org.onestop.web.internal.servlet.UnavailableServlet;

/**
 * The hand-written {@code openapi.json} and the code must agree: the same operations, the same parameters,
 * the same fields in every view and body, the same enum values. Any drift fails here, whichever side moved.
 */
class OpenApiContractTest {

    private final OpenApiDocument openApi = new OpenApiDocument();

    /** The router's routes; the services are never called, so none are needed. */
    private static List<Route> routes() {
        return new OneStopApi(Unused.proxy(org.onestop.api.catalog.CatalogService.class),
                Unused.proxy(org.onestop.api.cases.CaseService.class),
                Unused.proxy(org.onestop.api.documents.DocumentService.class),
                Unused.proxy(org.onestop.api.inquiry.InquiryService.class),
                Unused.proxy(org.onestop.api.calendar.WorkCalendar.class),
                Unused.proxy(org.onestop.api.plugin.PluginDirectory.class),
                Unused.proxy(org.onestop.api.access.AccessService.class), "0").routes();
    }

    @Test
    void everyRouteIsDocumentedAndEveryDocumentedOperationIsRouted() {
        Set<String> routed = routes().stream().map(r -> r.method() + " " + r.template())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(routes().size(), routed.size(), "two routes share a method and template");
        assertEquals(routed, openApi.operations());
    }

    /** The parameters of each route, and the CSRF header on every route a session's call needs it for. */
    @Test
    void parametersOfEachRouteAreThoseDocumented() {
        for (Route route : routes()) {
            Set<String> declared = new TreeSet<>();
            route.pathNames().forEach(n -> declared.add("path:" + n));
            route.queryNames().forEach(n -> declared.add("query:" + n));
            if (!route.method().equals("GET") && !route.access().isSignIn()) {
                declared.add("header:X-CSRF-Token");
            }
            assertEquals(declared, openApi.parameters(route.method(), route.template()),
                    route.method() + " " + route.template());
        }
    }

    @Test
    void exactlyThePostAndPutRoutesTakeABodyAndDocumentIt() {
        for (Route route : routes()) {
            JsonObject op = openApi.operation(route.method(), route.template());
            assertEquals(route.takesBody(), op.has("requestBody"), route.template());
            assertEquals(route.method().equals("POST") || route.method().equals("PUT"), route.takesBody(),
                    route.method() + " " + route.template());
            if (route.takesBody()) {
                assertTrue(op.getAsJsonObject("responses").has("415"), route.template() + " documents 415");
                assertTrue(op.getAsJsonObject("responses").has("413"), route.template() + " documents 413");
            }
            assertTrue(op.getAsJsonObject("responses").has("default"), route.template() + " documents the error body");
        }
    }

    /**
     * What the document says about access is what the router enforces: {@code x-onestop-access} names the
     * route's rule, a public operation needs no security scheme and any other one does, and every protected
     * operation documents 401, and 403 where a signed-in caller can be refused.
     */
    @Test
    void accessOfEachOperationIsTheRouteRule() {
        for (Route route : routes()) {
            String op = route.method() + " " + route.template();
            JsonObject operation = openApi.operation(route.method(), route.template());
            assertTrue(operation.has("x-onestop-access"), op + " documents x-onestop-access");
            assertEquals(route.access().describe(), operation.get("x-onestop-access").getAsString(), op);
            boolean open = route.access().kind() == Access.Kind.PUBLIC;
            assertEquals(open, operation.getAsJsonArray("security").isEmpty(), op + " security");
            JsonObject responses = operation.getAsJsonObject("responses");
            if (!open) {
                // Signing in, though open, also documents 401: for a wrong password.
                assertTrue(responses.has("401"), op + " documents 401");
            }
            boolean refusable = route.access().kind() == Access.Kind.PERSON
                    || route.access().kind() == Access.Kind.PERMISSION;
            if (refusable) {
                assertTrue(responses.has("403"), op + " documents 403");
            }
            if (route.access().kind() == Access.Kind.PERMISSION) {
                String text = operation.has("description") ? operation.get("description").getAsString() : "";
                for (Permission p : route.access().permissions()) {
                    assertTrue(text.contains("“" + p.label() + "”"),
                            op + " names the permission “" + p.label() + "” in its description");
                }
            }
        }
    }

    @Test
    void everyReferenceResolvesAndEverySchemaIsUsed() {
        List<String> refs = openApi.references();
        assertFalse(refs.isEmpty());
        for (String ref : refs) {
            openApi.resolve(JsonObjectOf.ref(ref));
        }
        Set<String> unused = new TreeSet<>(openApi.schemas().keySet());
        refs.forEach(r -> unused.remove(r.substring(r.lastIndexOf('/') + 1)));
        assertEquals(Set.of(), unused, "schemas nobody refers to");
    }

    static Stream<Arguments> enums() {
        return Stream.of(
                Arguments.of("CenterLevel", CenterLevel.class), Arguments.of("ItemKind", ItemKind.class),
                Arguments.of("HandlingType", HandlingType.class), Arguments.of("MaterialForm", MaterialForm.class),
                Arguments.of("SpecialProcedure", SpecialProcedure.class),
                Arguments.of("ApplicantType", ApplicantType.class), Arguments.of("Channel", Channel.class),
                Arguments.of("CaseState", CaseState.class), Arguments.of("CaseAct", CaseAct.class),
                Arguments.of("Light", Light.class), Arguments.of("DayKind", DayKind.class),
                Arguments.of("Role", Role.class), Arguments.of("Permission", Permission.class),
                Arguments.of("SecurityEventKind", SecurityEventKind.class),
                Arguments.of("ProblemKind", ProblemKind.class), Arguments.of("Decision", Decision.class),
                Arguments.of("DeliveryMethod", DeliveryMethod.class),
                Arguments.of("ExtensionStatus", ExtensionStatus.class),
                Arguments.of("SubCaseState", SubCaseState.class), Arguments.of("ConsentRule", ConsentRule.class),
                Arguments.of("BreachRule", BreachRule.class), Arguments.of("DocumentKind", DocumentKind.class),
                Arguments.of("InquiryState", InquiryState.class),
                Arguments.of("InquiryStepKind", InquiryStepKind.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("enums")
    void enumSchemasListTheJavaValuesInOrder(String schema, Class<? extends Enum<?>> type) {
        List<String> java = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
        assertEquals(java, openApi.enumValues(openApi.schemas().getAsJsonObject(schema)));
    }

    @Test
    void errorCodesIncludeEveryServiceCodeAndTheHttpOnes() {
        JsonObject code = openApi.schemas().getAsJsonObject("Error").getAsJsonObject("properties")
                .getAsJsonObject("error").getAsJsonObject("properties").getAsJsonObject("code");
        List<String> documented = openApi.enumValues(code);
        for (ErrorCode c : ErrorCode.values()) {
            assertTrue(documented.contains(c.name()), c.name());
        }
        assertTrue(documented.containsAll(List.of("METHOD_NOT_ALLOWED", "PAYLOAD_TOO_LARGE", "UNSUPPORTED_MEDIA_TYPE",
                "INTERNAL_ERROR", "CSRF", UnavailableServlet.CODE)));
        Set<String> detail = Arrays.stream(Views.ErrorDetail.class.getRecordComponents()).map(RecordComponent::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(detail, new TreeSet<>(openApi.schemas().getAsJsonObject("Error").getAsJsonObject("properties")
                .getAsJsonObject("error").getAsJsonObject("properties").keySet()));
    }

    static Stream<Arguments> shapes() {
        Map<Class<? extends Record>, String> map = Map.ofEntries(
                Map.entry(Views.HealthView.class, "Health"), Map.entry(Views.PluginView.class, "Plugin"),
                Map.entry(Views.PluginsView.class, "PluginList"), Map.entry(Views.CenterView.class, "Center"),
                Map.entry(Views.CentersView.class, "CenterList"), Map.entry(Views.WindowView.class, "Window"),
                Map.entry(Views.DepartmentView.class, "Department"),
                Map.entry(Views.DepartmentsView.class, "DepartmentList"),
                Map.entry(Views.ItemSummary.class, "ItemSummary"), Map.entry(Views.ItemsView.class, "ItemList"),
                Map.entry(Views.LegalBasisView.class, "LegalBasis"), Map.entry(Views.MaterialView.class, "ItemMaterial"),
                Map.entry(Views.StepView.class, "ProcedureStep"), Map.entry(Views.CodeLabel.class, "SpecialProcedureEntry"),
                Map.entry(Views.ItemView.class, "Item"), Map.entry(Views.ApplicantView.class, "CaseApplicant"),
                Map.entry(Views.SubmittedMaterialView.class, "CaseMaterial"), Map.entry(Views.EventView.class, "CaseEvent"),
                Map.entry(Views.ClockView.class, "CaseClock"), Map.entry(Views.CaseView.class, "Case"),
                Map.entry(Views.CasesView.class, "CaseList"), Map.entry(Views.DayView.class, "Day"),
                Map.entry(Views.DaysView.class, "Days"), Map.entry(Views.DeadlineView.class, "Deadline"),
                Map.entry(Views.BetweenView.class, "Between"), Map.entry(Views.ErrorView.class, "Error"),
                Map.entry(RequestBodies.ReceiveBody.class, "ReceiveRequest"),
                Map.entry(RequestBodies.ApplicantBody.class, "ApplicantInput"),
                Map.entry(RequestBodies.MaterialBody.class, "SubmittedMaterialInput"),
                Map.entry(RequestBodies.ActBody.class, "ActDetails"),
                Map.entry(Views.PublicEventView.class, "PublicCaseEvent"), Map.entry(Views.PublicCaseView.class, "PublicCase"),
                Map.entry(Views.PermissionView.class, "PermissionEntry"), Map.entry(Views.GrantView.class, "Grant"),
                Map.entry(Views.PrincipalView.class, "Principal"), Map.entry(Views.SessionView.class, "Session"),
                Map.entry(Views.PersonView.class, "Person"), Map.entry(Views.PeopleView.class, "PersonList"),
                Map.entry(Views.TokenView.class, "Token"), Map.entry(Views.TokensView.class, "TokenList"),
                Map.entry(Views.IssuedTokenView.class, "IssuedToken"),
                Map.entry(Views.SecurityEventView.class, "SecurityEvent"),
                Map.entry(Views.SecurityLogView.class, "SecurityLog"),
                Map.entry(RequestBodies.SignInBody.class, "SignInRequest"),
                Map.entry(RequestBodies.GrantBody.class, "GrantInput"),
                Map.entry(RequestBodies.NewPersonBody.class, "NewPersonRequest"),
                Map.entry(RequestBodies.EnabledBody.class, "EnabledRequest"),
                Map.entry(RequestBodies.PasswordBody.class, "PasswordChangeRequest"),
                Map.entry(RequestBodies.NewTokenBody.class, "NewTokenRequest"),
                Map.entry(Views.ProblemView.class, "MaterialProblem"), Map.entry(Views.MaterialCheckView.class, "MaterialCheck"),
                Map.entry(Views.StepProgressView.class, "StepProgress"), Map.entry(Views.PauseView.class, "Pause"),
                Map.entry(Views.ExtensionView.class, "Extension"), Map.entry(Views.SubCaseView.class, "SubCase"),
                Map.entry(Views.MeetingView.class, "JointMeeting"), Map.entry(Views.ReportView.class, "Report"),
                Map.entry(Views.DeliveryView.class, "Delivery"), Map.entry(Views.BreachView.class, "Breach"),
                Map.entry(Views.ProgressView.class, "CaseProgress"), Map.entry(Views.DocumentRefView.class, "DocumentRef"),
                Map.entry(Views.PublicStepView.class, "PublicStep"), Map.entry(Views.PublicPauseView.class, "PublicPause"),
                Map.entry(Views.DocumentView.class, "Document"), Map.entry(Views.DocumentsView.class, "DocumentList"),
                Map.entry(Views.JointTimeoutsView.class, "JointTimeouts"),
                Map.entry(Views.InquiryStepView.class, "InquiryStep"), Map.entry(Views.InquiryView.class, "Inquiry"),
                Map.entry(Views.InquiriesView.class, "InquiryList"),
                Map.entry(RequestBodies.ProblemBody.class, "MaterialProblemInput"),
                Map.entry(RequestBodies.NoticeBody.class, "NoticeRequest"),
                Map.entry(RequestBodies.SupplementBody.class, "SupplementRequest"),
                Map.entry(RequestBodies.RefusalBody.class, "RefusalRequest"),
                Map.entry(RequestBodies.DecisionBody.class, "DecisionRequest"),
                Map.entry(RequestBodies.AssigneeBody.class, "StepAssignmentRequest"),
                Map.entry(RequestBodies.StepCompletionBody.class, "StepCompletionRequest"),
                Map.entry(RequestBodies.PauseBody.class, "PauseRequest"),
                Map.entry(RequestBodies.ExtensionBody.class, "ExtensionRequest"),
                Map.entry(RequestBodies.ExtensionDecisionBody.class, "ExtensionDecisionRequest"),
                Map.entry(RequestBodies.JointAnswerBody.class, "JointAnswerRequest"),
                Map.entry(RequestBodies.JointOpinionBody.class, "JointOpinionInput"),
                Map.entry(RequestBodies.JointMeetingBody.class, "JointMeetingRequest"),
                Map.entry(RequestBodies.JointTimeoutsBody.class, "JointTimeoutsRequest"),
                Map.entry(RequestBodies.ReportBody.class, "ReportRequest"),
                Map.entry(RequestBodies.ReportUpdateBody.class, "ReportUpdateRequest"),
                Map.entry(RequestBodies.DeliveryBody.class, "DeliveryRequest"),
                Map.entry(RequestBodies.WithdrawBody.class, "WithdrawRequest"),
                Map.entry(RequestBodies.NewInquiryBody.class, "NewInquiryRequest"),
                Map.entry(RequestBodies.HandOverBody.class, "HandOverRequest"),
                Map.entry(RequestBodies.CloseInquiryBody.class, "CloseInquiryRequest"));
        return map.entrySet().stream().map(e -> Arguments.of(e.getValue(), e.getKey()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void everyFieldOfAViewOrBodyIsASchemaProperty(String schema, Class<? extends Record> type) {
        Set<String> fields = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> properties = new TreeSet<>(openApi.schemas().getAsJsonObject(schema).getAsJsonObject("properties").keySet());
        assertEquals(fields, properties, schema);
    }

    @Test
    void everyViewAndBodyRecordIsMappedAbove() {
        Set<Class<?>> mapped = shapes().map(a -> (Class<?>) a.get()[1]).collect(Collectors.toSet());
        Set<Class<?>> all = Stream.concat(Arrays.stream(Views.class.getDeclaredClasses()),
                        Arrays.stream(RequestBodies.class.getDeclaredClasses()))
                .filter(Class::isRecord).filter(c -> c != Views.ErrorDetail.class).collect(Collectors.toSet());
        assertEquals(all, mapped);
    }

    /** Builds {"$ref": ref}. */
    private static final class JsonObjectOf {
        static JsonObject ref(String ref) {
            JsonObject o = new JsonObject();
            o.addProperty("$ref", ref);
            return o;
        }
    }
}
