import Testing
@testable import Render

/// Escape.html works on UTF-8 bytes; the text around what it escapes must come back unchanged.
@Suite struct EscapeTests {
    @Test func theFiveCharactersBecomeEntities() {
        #expect(Escape.html(#"a < b && c > "d" 'e'"#) == "a &lt; b &amp;&amp; c &gt; &quot;d&quot; &#39;e&#39;")
    }

    @Test func textAroundThemKeepsEveryCharacter() {
        #expect(Escape.html("∂L/∂x <é> 한국어 👩‍👩‍👧\r\n&") == "∂L/∂x &lt;é&gt; 한국어 👩‍👩‍👧\r\n&amp;")
        #expect(Escape.html("<") == "&lt;")
    }

    @Test func textWithNothingToEscapeComesBackAsItIs() {
        #expect(Escape.html("") == "")
        #expect(Escape.html("σ(x) = 1 / (1 + e⁻ˣ)") == "σ(x) = 1 / (1 + e⁻ˣ)")
    }
}
