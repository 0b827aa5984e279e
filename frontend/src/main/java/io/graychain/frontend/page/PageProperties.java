package io.graychain.frontend.page;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** How the page looks in this version: the colour of the forecast button (a CSS colour). */
@ConfigurationProperties("frontend.page")
public record PageProperties(String buttonColor) {

}
