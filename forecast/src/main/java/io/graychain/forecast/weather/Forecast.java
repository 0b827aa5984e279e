package io.graychain.forecast.weather;

/** Today's forecast for one city: its id, display name, weather, and high and low in °C. */
public record Forecast(String city, String name, String weather, int highC, int lowC) {

}
