# Stories told in the historical present, and present-tense habits that are not stories. Code: E S T A R.
ITEMS = [
("pt01", "risk", "11011", "So I'm sitting with this client last week and she tells me she has a plan. I ask her about it, I call her sister, and she agrees to go to the ER. She's doing much better now."),
("pt02", "deesc", "11011", "Picture this: it's a Friday evening two years ago, the lobby is packed, and a guy starts throwing chairs. I walk over, I say his name, and I ask him to come outside with me. He follows me out and we talk until he calms down."),
("pt03", "resist", "00000", "I sit with clients, I ask what they want, I reflect what I hear, and I let them lead. That is how I handle resistance."),
("pt04", "crisis", "11010", "One night last winter a woman comes into the shelter soaking wet and shaking. I get her a blanket, I sit with her, and I ask her what happened."),
("pt05", "team", "00000", "I listen to my colleagues, I share what I see, and we decide together. It usually works out."),
("pt06", "relapse", "11011", "So a couple of months ago this guy from my group texts me at two in the morning. He says he's outside his dealer's place. I call him right away and I talk him into walking to the all-night diner, and I meet him there. He's still sober today."),
]
