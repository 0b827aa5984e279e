package io.graychain.frontend.page;

import java.util.List;

/** What the page needs to draw itself: the button colour and the cities to pick from. */
public record PageSettings(String buttonColor, List<City> cities) {

	/** A city the page offers: the id forecast knows it by, and its display name. */
	public record City(String id, String name) {
	}

}
