package app.rungs.checkin.service;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The JSON of one side's ratings (competency key → rating), as stored in check_in_side.ratings. */
final class StoredRatings {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, SideRating>> TYPE = new TypeReference<>() {};

    private StoredRatings() {}

    static Map<String, SideRating> read(String json) {
        return json == null || json.isBlank() ? new LinkedHashMap<>() : JSON.readValue(json, TYPE);
    }

    static String write(Map<String, SideRating> ratings) {
        return JSON.writeValueAsString(ratings);
    }
}
