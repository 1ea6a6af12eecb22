# Answers that went wrong while the bundled scenarios were written and tested, kept as regressions.
# The rules were changed while looking at them, so they are dev-only (build.py never puts them in test).
ITEMS = [
("tm01", "newpeer", "11-10", "Last year a new peer froze during her first group. I sat in with her and I debriefed with her afterwards."),
("tm02", "newpeer", "11-11", "Last year a new peer froze during her first group. I sat in with her the next time. Afterwards she ran the group on her own."),
("tm03", "strain", "11-10", "Last month a client stopped talking to me after I was late. I asked her at the next session if something was wrong."),
("tm04", "strain", "11-11", "Last month a client stopped talking to me after I was late. I apologized to her. The next session she came early and talked the whole hour."),
("sg01", "grow", "111", "I'm taking a DBT training course that I enrolled in last month, and I'll finish it in March."),
("sg02", "well", "100", "I want to start seeing a therapist again."),
("sg03", "well", "000", "I want to take better care of myself."),
]
