package io.graychain.meshlab.lab.http;

import java.nio.ByteBuffer;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's error replies (a bad request line or escape, a header too large, a control character)
 * as Envoy's codec errors look: the status, its reason phrase as a plain-text body, no HTML, no
 * exception, no echo of the request ({@code source/common/http/http1/codec_impl.cc},
 * {@code ServerConnectionImpl::sendProtocolError}).
 */
public final class PlainErrors extends ErrorHandler {

	@Override
	public boolean handle(Request request, Response response, Callback callback) {
		Object status = request.getAttribute(ERROR_STATUS);
		int code = status instanceof Integer s ? s : response.getStatus() >= 400 ? response.getStatus() : 500;
		response.getHeaders().clear();
		LocalReply.sendStatus(response, callback, code);
		return true;
	}

	@Override
	public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
		return LocalReply.badMessage(status, fields);
	}

}
