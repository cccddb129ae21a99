"""A tiny cmi5 LMS and xAPI LRS for tests, on 127.0.0.1, in one HTTP server.

- `launch_url()` does what an LMS does when a learner launches the AU: it creates a session (session id,
  auth token, `fetch` URL), writes `LMS.LaunchData` to the State API, records the LMS's own "launched"
  statement and returns the AU's launch URL with endpoint, fetch, actor, registration and activityId.
- POST /fetch/<id> answers once with {"auth-token": ...}; a second POST gets a cmi5 error body.
- /xapi/statements (POST, PUT) and /xapi/activities/state (GET, PUT, POST, DELETE) check the auth token
  and the X-Experience-API-Version header, then the cmi5 rules for AU statements (see `check`): a
  statement that breaks one is refused with 400 and its problem kept in `violations`.
- `mode` simulates an unreliable LRS: "up", "error" (503 for every xAPI request) or "drop" (the
  connection is closed without an answer).
- Everything else is served from `site` (the unzipped package is under /cmi5/).
"""
import base64
import json
import re
import socket
import threading
import uuid
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, quote, urlencode, urlparse

CMI5_CATEGORY = "https://w3id.org/xapi/cmi5/context/categories/cmi5"
MOVEON_CATEGORY = "https://w3id.org/xapi/cmi5/context/categories/moveon"
SESSION_EXT = "https://w3id.org/xapi/cmi5/context/extensions/sessionid"
PROGRESS_EXT = "https://w3id.org/xapi/cmi5/result/extensions/progress"
VERB = "http://adlnet.gov/expapi/verbs/"
AU_DEFINED = {"initialized", "completed", "passed", "failed", "terminated"}
LMS_ONLY = {"launched", "satisfied", "abandoned", "waived"}
DURATION = re.compile(r"^P(?!$)(\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$")
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
ACTIVITY_ID = "urn:tequio:oaxaca-agua:1.0.0:au"
PUBLISHER_ID = "urn:tequio:oaxaca-agua:1.0.0:au"
ACTOR = {"objectType": "Agent", "name": "Ana Pérez", "account": {"homePage": "http://127.0.0.1", "name": "ana"}}


class CMI5LMS:
    def __init__(self, site, port):
        self.site, self.port = site, port
        self.base = f"http://127.0.0.1:{port}"
        self.lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", port), partial(Handler, lms=self, directory=str(site)))
        self.reset()

    def reset(self):
        with self.lock:
            self.mode = "up"
            self.statements = []        # accepted statements, in arrival order
            self.violations = []        # (problem, statement or request)
            self.refused_while_down = 0
            self.fetches = []           # (fetch id, answer)
            self.sessions = {}          # session id -> session
            self.tokens = {}            # token -> session id
            self.fetch_ids = {}         # fetch id -> session id
            self.states = {}            # (activityId, agent, registration, stateId) -> bytes
            self.completed = set()      # registrations with a completed statement

    # ---- the LMS side ------------------------------------------------------------------------
    def launch_url(self, registration=None, launch_mode="Normal", return_url=None, package="/cmi5/index.html"):
        registration = registration or str(uuid.uuid4())
        session_id = str(uuid.uuid4())
        token = base64.b64encode(f"{session_id}:{uuid.uuid4()}".encode()).decode()
        fetch_id = uuid.uuid4().hex
        template = {"contextActivities": {"grouping": [{"id": PUBLISHER_ID, "objectType": "Activity"}]},
                    "extensions": {SESSION_EXT: session_id}}
        launch_data = {"contextTemplate": template, "launchMode": launch_mode, "moveOn": "Completed"}
        if return_url:
            launch_data["returnURL"] = return_url
        with self.lock:
            self.sessions[session_id] = {"registration": registration, "token": token, "launch_mode": launch_mode,
                                         "statements": [], "terminated": False}
            self.tokens[token] = session_id
            self.fetch_ids[fetch_id] = session_id
            key = (ACTIVITY_ID, self.agent_key(ACTOR), registration, "LMS.LaunchData")
            self.states[key] = json.dumps(launch_data).encode()
            launched = {"id": str(uuid.uuid4()), "actor": ACTOR,
                        "verb": {"id": VERB + "launched", "display": {"en-US": "launched"}},
                        "object": {"id": ACTIVITY_ID, "objectType": "Activity"},
                        "context": {"registration": registration, "extensions": {SESSION_EXT: session_id},
                                    "contextActivities": {"category": [{"id": CMI5_CATEGORY}]}}}
            self.statements.append(launched)
        query = urlencode({"endpoint": self.base + "/xapi/", "fetch": f"{self.base}/fetch/{fetch_id}",
                           "actor": json.dumps(ACTOR), "registration": registration, "activityId": ACTIVITY_ID},
                          quote_via=quote)
        return f"{self.base}{package}?{query}", registration, session_id

    @staticmethod
    def agent_key(agent):
        return json.dumps(agent, sort_keys=True)

    def verbs(self, registration=None, session_id=None):
        with self.lock:
            return [s["verb"]["id"].rsplit("/", 1)[-1] for s in self.statements
                    if (registration is None or s["context"].get("registration") == registration)
                    and (session_id is None or s["context"].get("extensions", {}).get(SESSION_EXT) == session_id)]

    def state(self, registration, state_id="tequio-player-state"):
        with self.lock:
            data = self.states.get((ACTIVITY_ID, self.agent_key(ACTOR), registration, state_id))
        return json.loads(data) if data else None

    # ---- cmi5 rules for statements the AU sends ----------------------------------------------
    def check(self, s, token_session):
        problems = []
        verb = s.get("verb", {}).get("id", "")
        name = verb.rsplit("/", 1)[-1] if verb.startswith(VERB) else verb
        ctx = s.get("context", {})
        sid = ctx.get("extensions", {}).get(SESSION_EXT)
        session = self.sessions.get(sid)
        cats = [c.get("id") for c in ctx.get("contextActivities", {}).get("category", [])]
        grouping = [c.get("id") for c in ctx.get("contextActivities", {}).get("grouping", [])]
        result = s.get("result", {})
        if not UUID.match(s.get("id", "")):
            problems.append("statement id is not a UUID")
        if "timestamp" not in s:
            problems.append("no timestamp")
        if s.get("actor") != ACTOR:
            problems.append("actor is not the launched actor")
        if s.get("object", {}).get("id") != ACTIVITY_ID:
            problems.append("object is not the AU's activityId")
        if session is None:
            return problems + ["no cmi5 session id in context.extensions"]
        if session["registration"] != token_session["registration"]:
            problems.append("token of another registration")
        if ctx.get("registration") != session["registration"]:
            problems.append("context.registration is not the launch registration")
        if PUBLISHER_ID not in grouping:
            problems.append("context template (publisher grouping) not used")
        if name in LMS_ONLY:
            problems.append(f"'{name}' is sent by the LMS, never by the AU")
        sent = [x["verb"]["id"].rsplit("/", 1)[-1] for x in session["statements"]]
        if session["terminated"] or "terminated" in sent:
            problems.append(f"'{name}' after terminated")
        if name != "initialized" and "initialized" not in sent:
            problems.append(f"'{name}' before initialized")
        if name == "initialized" and "initialized" in sent:
            problems.append("initialized twice in one session")
        if name in AU_DEFINED and CMI5_CATEGORY not in cats:
            problems.append(f"cmi5-defined '{name}' without the cmi5 category")
        if name not in AU_DEFINED and CMI5_CATEGORY in cats:
            problems.append(f"cmi5-allowed '{name}' must not carry the cmi5 category")
        if name == "completed":
            if result.get("completion") is not True:
                problems.append("completed without result.completion true")
            if MOVEON_CATEGORY not in cats:
                problems.append("completed without the moveOn category")
            if session["registration"] in self.completed:
                problems.append("completed twice in one registration")
            if session["launch_mode"] != "Normal":
                problems.append("completed outside Normal launch mode")
        if name in ("completed", "terminated") and not DURATION.match(result.get("duration", "")):
            problems.append(f"'{name}' without an ISO 8601 result.duration")
        if name == "progressed":
            p = result.get("extensions", {}).get(PROGRESS_EXT)
            if not isinstance(p, int) or not 0 <= p <= 100:
                problems.append("progressed without an integer progress 0..100")
        if name not in AU_DEFINED and name != "progressed":
            problems.append(f"unexpected verb {verb}")
        return problems

    def accept(self, statements, token):
        """Checks and stores a batch; all or nothing, as an LRS does. Returns (status, body)."""
        with self.lock:
            token_session = self.sessions.get(self.tokens.get(token))
            if token_session is None:
                return 401, {"error": "unknown token"}
            provisional = []
            for s in statements:
                problems = self.check(s, token_session)
                if problems:
                    for session, st in provisional:
                        session["statements"].remove(st)
                    self.violations.append((problems, s))
                    return 400, {"error": problems}
                session = self.sessions[s["context"]["extensions"][SESSION_EXT]]
                session["statements"].append(s)  # provisional, so a batch is checked in order
                provisional.append((session, s))
            for s in statements:
                name = s["verb"]["id"].rsplit("/", 1)[-1]
                session = self.sessions[s["context"]["extensions"][SESSION_EXT]]
                if name == "terminated":
                    session["terminated"] = True
                if name == "completed":
                    self.completed.add(session["registration"])
                self.statements.append(s)
            return 200, [s["id"] for s in statements]


class Handler(SimpleHTTPRequestHandler):
    def __init__(self, *args, lms=None, **kwargs):
        self.lms = lms
        super().__init__(*args, **kwargs)

    def log_message(self, *args):
        pass

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def reply(self, status, body=None):
        data = b"" if body is None else json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def body(self):
        return self.rfile.read(int(self.headers.get("Content-Length") or 0))

    def xapi(self, method):
        """Common gate for xAPI requests: the simulated outage, then auth and version headers."""
        body = self.body()
        if self.lms.mode == "error":
            with self.lms.lock:
                self.lms.refused_while_down += 1
            self.reply(503, {"error": "LRS unavailable"})
            return None
        if self.lms.mode == "drop":
            with self.lms.lock:
                self.lms.refused_while_down += 1
            self.close_connection = True
            try:
                self.connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            return None
        auth = self.headers.get("Authorization", "")
        if not auth.startswith("Basic ") or auth[6:] not in self.lms.tokens:
            self.lms.violations.append((["missing or unknown auth token"], f"{method} {self.path}"))
            self.reply(401, {"error": "auth"})
            return None
        if not self.headers.get("X-Experience-API-Version", "").startswith("1.0"):
            self.lms.violations.append((["no X-Experience-API-Version header"], f"{method} {self.path}"))
            self.reply(400, {"error": "version"})
            return None
        return body, auth[6:]

    def route(self, method):
        url = urlparse(self.path)
        q = {k: v[0] for k, v in parse_qs(url.query).items()}
        if url.path.startswith("/fetch/"):
            if method != "POST":
                return self.reply(405, {"error-code": "3", "error-text": "fetch must be POSTed"})
            fid = url.path[len("/fetch/"):]
            with self.lms.lock:
                sid = self.lms.fetch_ids.pop(fid, None)
                answer = ({"auth-token": self.lms.sessions[sid]["token"]} if sid
                          else {"error-code": "1", "error-text": "already in use or unknown"})
                self.lms.fetches.append((fid, answer))
            return self.reply(200, answer)
        if url.path == "/xapi/about":
            return self.reply(200, {"version": ["1.0.3"]})
        if url.path == "/xapi/activities/state":
            gate = self.xapi(method)
            if gate is None:
                return
            body, _ = gate
            key = (q.get("activityId"), CMI5LMS.agent_key(json.loads(q.get("agent", "null"))), q.get("registration"),
                   q.get("stateId"))
            with self.lms.lock:
                if method == "GET" and "stateId" not in q:   # the ids of the documents this AU has
                    ids = sorted(k[3] for k in self.lms.states if k[:3] == key[:3])
                    return self.reply(200, ids)
                if method == "GET":
                    data = self.lms.states.get(key)
                    if data is None:
                        return self.reply(404, {"error": "no such state"})
                    self.send_response(200)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    return self.wfile.write(data)
                if method in ("PUT", "POST"):
                    if q.get("stateId") == "LMS.LaunchData":
                        self.lms.violations.append((["the AU must not write LMS.LaunchData"], self.path))
                        return self.reply(403, {"error": "read only"})
                    self.lms.states[key] = body
                    return self.reply(204)
                if method == "DELETE":
                    self.lms.states.pop(key, None)
                    return self.reply(204)
        if url.path == "/xapi/statements" and method in ("POST", "PUT"):
            gate = self.xapi(method)
            if gate is None:
                return
            body, token = gate
            try:
                data = json.loads(body)
            except ValueError:
                return self.reply(400, {"error": "not JSON"})
            statements = data if isinstance(data, list) else [data]
            if method == "PUT":
                statements[0].setdefault("id", q.get("statementId"))
            status, answer = self.lms.accept(statements, token)
            return self.reply(204 if method == "PUT" and status == 200 else status, None if method == "PUT" else answer)
        if method == "GET":
            return super().do_GET()
        return self.reply(404, {"error": "not found"})

    def do_GET(self):
        self.route("GET")

    def do_POST(self):
        self.route("POST")

    def do_PUT(self):
        self.route("PUT")

    def do_DELETE(self):
        self.route("DELETE")
