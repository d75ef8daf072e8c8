"""The text toolkit that rules and core share: sentence spans (`sentences`), credit lines
(`credits`), the language gate (`language`), time-bounded regular expressions
(`patterns`), message templates (`messages`), span merging (`spans`) and quoted speech
(`quotes`)."""
