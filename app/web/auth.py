"""Who is asking: a Bearer token, or a session set by the login form; CSRF for forms.

`require(role)` returns the token of the request or raises 401/403. Every
form that changes state carries `csrf_token()` and is checked with
`check_csrf()`; requests with a Bearer token carry no cookie and need none.
"""

from __future__ import annotations

import hmac
import secrets

from flask import (
    Blueprint,
    Flask,
    Response,
    current_app,
    g,
    redirect,
    render_template,
    request,
    session,
    url_for,
)

from app.auth import Forbidden, Token, TokenStore, Unauthorized, secret_key

bp = Blueprint("auth", __name__)


def init_app(app: Flask) -> None:
    settings = app.extensions["skg.settings"]
    app.secret_key = secret_key(settings.state_dir, settings["SKG_SECRET_KEY"])
    app.config.update(SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Lax")
    app.jinja_env.globals["csrf_token"] = csrf_token
    app.jinja_env.globals["current_token"] = current_token
    app.register_blueprint(bp)


def tokens() -> TokenStore:
    return TokenStore(current_app.extensions["skg.settings"].state_dir)


def current_token() -> Token | None:
    if "skg_token" not in g:
        g.skg_token = _bearer() or _from_session()
    return g.skg_token


def _bearer() -> Token | None:
    header = request.headers.get("Authorization", "")
    if not header.startswith("Bearer "):
        return None
    token = tokens().verify(header.removeprefix("Bearer ").strip())
    if token is None:
        raise Unauthorized("The token is not valid (unknown or revoked).")
    return token


def _from_session() -> Token | None:
    token_id = session.get("token_id")
    return tokens().find(token_id) if isinstance(token_id, str) else None


def require(role: str) -> Token:
    token = current_token()
    if token is None:
        raise Unauthorized(f"Log in with a {role} token (at /login), or send "
                           "'Authorization: Bearer <token>'.", {"login": url_for("auth.login")})
    if not token.allows(role):
        raise Forbidden(f"This needs the {role} role; your token has the {token.role} role.")
    return token


def csrf_token() -> str:
    if "csrf" not in session:
        session["csrf"] = secrets.token_urlsafe(32)
    return session["csrf"]


def check_csrf() -> None:
    """Refuse a form post without the session's CSRF token (Bearer clients are exempt)."""
    if request.headers.get("Authorization", "").startswith("Bearer "):
        return
    sent = request.form.get("csrf_token", "")
    expected = session.get("csrf", "")
    if not expected or not hmac.compare_digest(sent, expected):
        raise Forbidden("The form has expired or did not come from this site; reload the "
                        "page and try again.")


@bp.route("/login", methods=["GET", "POST"])
def login() -> Response | str:
    if request.method == "GET":
        return render_template("auth/login.html", error=None, next=request.args.get("next"))
    check_csrf()
    token = tokens().verify(request.form.get("token", "").strip())
    if token is None:
        return Response(render_template("auth/login.html", error="That token is not valid.",
                                        next=request.form.get("next")), status=401)
    session.clear()
    session["token_id"] = token.id
    session["csrf"] = secrets.token_urlsafe(32)
    target = request.form.get("next") or ""
    return redirect(target if target.startswith("/") and not target.startswith("//")
                    else url_for("imports.form"))


@bp.route("/logout", methods=["POST"])
def logout() -> Response:
    check_csrf()
    session.clear()
    return redirect(url_for("auth.login"))
