package io.graychain.frontend.session;

/** A sign-in: the user name, which becomes the {@code user} cookie the mesh routes on. */
public record Session(String user) {

}
