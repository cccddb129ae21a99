"""Captions offline: module-data.js carries `captions: {"<captions src>": "WEBVTT…"}` next to `module`, and the
player builds the cues itself (Chromium and Firefox refuse <track src> from file://). The example module has no
audio or video, so these tests add an audio and a video presentation (a generated WAV) to a copy of the bundle."""
import copy
import io
import math
import struct
import wave

import pytest

from .conftest import copy_bundle

# CRLF line ends, a NOTE, cue identifiers, cue settings, hours and voice tags: what WebVTT files look like
VTT_ES = ("WEBVTT - subtítulos\r\n\r\nNOTE hecho a mano\r\n\r\nc1\r\n00:00.000 --> 00:01.500 align:start\r\n"
          "<v Rosa>Bienvenidas y bienvenidos</v> al taller.\r\n\r\nc2\r\n00:00:01.500 --> 00:00:03.000\r\n"
          "Hoy trabajamos en mesas 💧 & <i>sin</i> prisa.\r\n")
VTT_EN = "WEBVTT\n\n00:00.000 --> 00:01.500\nWelcome to the workshop.\n\n00:01.500 --> 00:03.000\nToday we work at tables.\n"


def wav_bytes(seconds=3):
    buf = io.BytesIO()
    with wave.open(buf, "wb") as w:
        w.setnchannels(1), w.setsampwidth(2), w.setframerate(8000)
        w.writeframes(b"".join(struct.pack("<h", int(2000 * math.sin(i / 8))) for i in range(8000 * seconds)))
    return buf.getvalue()


def with_media(data, captions):
    """The data with an audio and a video presentation first in unit 1; `captions` added to what it ships."""
    data = copy.deepcopy(dict(data, captions=dict(data.get("captions") or {}, **captions)))
    unit = data["module"]["units"][0]
    langs = {"es": "Audio", "en": "Audio"}
    blocks = []
    for kind in ("audio", "video"):
        blocks.append({"kind": "presentation", "presentation": {
            "id": f"p-cap-{kind}", "title": {"es": f"Presentación con {kind}", "en": f"Presentation with {kind}"},
            "media": {"kind": kind, "src": "media/cap.wav", "title": langs,
                      "captions": {"es": "media/cap.es.vtt", "en": "media/cap.en.vtt"},
                      "transcript": {"es": [{"t": "p", "c": ["Transcripción completa."]}],
                                     "en": [{"t": "p", "c": ["Full transcript."]}]}}}})
    unit["blocks"] = blocks + list(unit["blocks"])
    return data


@pytest.fixture(scope="module")
def caption_roots(bundle, data, tmp_path_factory):
    files = {"content/media/cap.wav": wav_bytes(), "content/media/cap.es.vtt": VTT_ES.encode(),
             "content/media/cap.en.vtt": VTT_EN.encode()}
    base = tmp_path_factory.mktemp("captions")
    shipped = copy_bundle(bundle, base / "shipped", with_media(data, {"media/cap.es.vtt": VTT_ES, "media/cap.en.vtt": VTT_EN}),
                          files=files)
    missing = copy_bundle(bundle, base / "missing", with_media(data, {}), files=files)  # no text for these two
    return shipped, missing


MINE = 'section[aria-labelledby^="b-p-cap-"] '


def tracks(b, css):
    return b.js("""return [...document.querySelector(arguments[0]).textTracks].map(t =>
        ({lang: t.language, mode: t.mode, cues: [...(t.cues || [])].map(c => [c.startTime, c.endTime, c.text])}))""", css)


def test_captions_from_module_data(launch, module, caption_roots):
    if "es" not in module["languages"]:
        pytest.skip("the captions here are Spanish and English")
    shipped, _ = caption_roots
    b = launch("captions", root=shipped)
    b.open(f"#/u/{module['units'][0]['id']}")
    lang = module["languages"][0]
    audio = {t["lang"]: t for t in tracks(b, MINE + ".media audio")}
    assert set(audio) == {"es", "en"}
    assert audio[lang]["mode"] == "hidden" and audio["en" if lang == "es" else "es"]["mode"] == "disabled"
    expected = {"es": [[0, 1.5, "<v Rosa>Bienvenidas y bienvenidos</v> al taller."],
                       [1.5, 3, "Hoy trabajamos en mesas 💧 & <i>sin</i> prisa."]],
                "en": [[0, 1.5, "Welcome to the workshop."], [1.5, 3, "Today we work at tables."]]}
    assert audio[lang]["cues"] == expected[lang]  # a disabled track exposes no cues
    video = {t["lang"]: t for t in tracks(b, MINE + ".media video")}
    assert video[lang]["mode"] == "showing" and video[lang]["cues"] == expected[lang]
    assert not b.qa(MINE + ".media .hint"), "no 'captions not available' hint when the captions are shipped"
    assert not b.qa(".media track"), "no <track src> on file://"
    # an audio has no picture: the current cue is shown as text under the player, without its tags
    b.js("const a = document.querySelector(arguments[0]); a.muted = true; a.currentTime = 2;", MINE + ".media audio")
    second = {"es": "Hoy trabajamos en mesas 💧 & sin prisa.", "en": "Today we work at tables."}[lang]
    b.wait(lambda d: b.q(MINE + ".media .cue").text == second, msg="the audio's cue line")
    b.axe("unit with captioned audio and video")
    b.shot("captions-audio-video")


def test_captions_missing_points_to_the_transcript(launch, module, caption_roots):
    _, missing = caption_roots
    b = launch("nocaptions", root=missing)
    b.open(f"#/u/{module['units'][0]['id']}")
    assert not tracks(b, MINE + ".media audio") and not b.qa(".media track")
    hints = [h.text for h in b.qa(MINE + ".media .hint")]
    assert len(hints) == 2 and all("transcripción" in h.lower() or "transcript" in h.lower() for h in hints)
    assert len(b.qa(MINE + ".media details.transcript")) == 2
