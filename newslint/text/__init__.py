"""The text toolkit that rules and core share: sentence spans (`sentences`), credit lines
(`credits`), the language gate (`language`) and time-bounded regular expressions
(`patterns`)."""
