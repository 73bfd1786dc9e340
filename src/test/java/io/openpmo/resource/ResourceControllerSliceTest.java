package io.openpmo.resource;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.openpmo.support.WebSliceTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The resource pool: resource managers, the PMO and administrators keep it; planners and overseers read it. */
class ResourceControllerSliceTest extends WebSliceTest {

  static final String PERSON = "{\"userId\": \"paula\", \"name\": \"Paula\", \"role\": \"PROJECT_MANAGER\","
      + " \"qualification\": \"SENIOR\", \"monthlyCapacityFte\": 1.0}";

  private static MockHttpServletRequestBuilder create(String body) {
    return post("/api/v1/resources").contentType(MediaType.APPLICATION_JSON).content(body);
  }

  @ParameterizedTest
  @ValueSource(strings = {"rosa", "olga", "adam"})
  void resourceManagersThePmoAndAdministratorsAddPeople(String user) throws Exception {
    Resource created = mock(Resource.class);
    when(created.id()).thenReturn(12L);
    when(resources.create(any())).thenReturn(created);
    mvc.perform(create(PERSON).with(as(user)))
        .andExpect(status().isCreated())
        .andExpect(header().string("Location", "/api/v1/resources/12"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"paula", "stella", "rita", "fiona"})
  void othersDoNotChangeThePool(String user) throws Exception {
    mvc.perform(create(PERSON).with(as(user))).andExpect(problem(403));
    mvc.perform(put("/api/v1/resources/12").with(as(user)).contentType(MediaType.APPLICATION_JSON).content(PERSON))
        .andExpect(problem(403));
    verifyNoInteractions(resources);
  }

  @Test
  void readersAreThePlannersAndOverseers() throws Exception {
    when(resources.list(false)).thenReturn(List.of());
    for (String user : List.of("paula", "stella", "audrey", "rosa")) {
      mvc.perform(get("/api/v1/resources").with(as(user))).andExpect(status().isOk());
    }
    mvc.perform(get("/api/v1/resources").with(as("rita"))).andExpect(problem(403));
    mvc.perform(get("/api/v1/resources").with(as("fiona"))).andExpect(problem(403));
  }

  @Test
  void missingOversizeAndUnknownValuesAreNamedBeforeTheService() throws Exception {
    mvc.perform(create(PERSON.replace("\"name\": \"Paula\", ", "")).with(as("rosa"))).andExpect(invalidField("name"));
    mvc.perform(create(PERSON.replace("\"Paula\"", "\"" + "P".repeat(201) + "\"")).with(as("rosa")))
        .andExpect(invalidField("name"));
    mvc.perform(create(PERSON.replace("SENIOR", "GURU")).with(as("rosa"))).andExpect(invalidField("qualification"));
    mvc.perform(create(PERSON.replace("1.0", "2.0")).with(as("rosa"))).andExpect(invalidField("monthlyCapacityFte"));
    mvc.perform(create(PERSON.replace("\"paula\"", "\"paula smith\"")).with(as("rosa")))
        .andExpect(invalidField("userId"));
    verifyNoInteractions(resources);
  }

  @Test
  void theActiveOnlyFlagIsStrictAndUtilisationMonthsAreChecked() throws Exception {
    mvc.perform(get("/api/v1/resources").param("activeOnly", "yes").with(as("rosa"))).andExpect(problem(400));
    mvc.perform(get("/api/v1/resources").param("activeOnly", "true").with(as("rosa"))).andExpect(status().isOk());
    verify(resources).list(true);
    mvc.perform(get("/api/v1/resources/utilisation").param("from", "2027-1").with(as("rosa")))
        .andExpect(invalidField("from"));
    verifyNoInteractions(resourcePlans);
  }
}
