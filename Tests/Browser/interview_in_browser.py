#!/usr/bin/env python3
"""A whole interview in a real browser: `rehearse serve`, headless Chromium driven by Selenium.

Usage: interview_in_browser.py REHEARSE_BINARY DATA_FOLDER SCREENSHOT_FOLDER

Starts the server with its data in DATA_FOLDER, practises the quick start through the page as a
person would (keyboard included), checks the follow-up after a general answer, the feedback, and
that the browser console stayed clean; leaves a screenshot of each page in SCREENSHOT_FOLDER and
prints the transcript's session name. Exits non-zero with a message on the first failure.
"""
import json, os, re, signal, subprocess, sys, time

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

ANSWERS = [
    "I always listen first.",
    # Markup stays text: no image is made, no handler runs (an alert would stop the driver).
    "Last year a client <img src=x onerror=alert(1)> refused to talk to me. I asked about his music and I listened.",
    "He came back every week after that.",
]


def fail(message):
    print(f"FAIL: {message}", file=sys.stderr)
    sys.exit(1)


def main():
    binary, data, shots = sys.argv[1:4]
    os.makedirs(shots, exist_ok=True)
    env = dict(os.environ, XDG_DATA_HOME=data)
    server = subprocess.Popen([binary, "serve"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    address = None
    deadline = time.time() + 60
    while time.time() < deadline and address is None:
        line = server.stdout.readline()
        if not line:
            break
        match = re.search(r"http://127\.0\.0\.1:\d+/\?token=[0-9a-f]+", line)
        if match:
            address = match.group(0)
    if address is None:
        fail("rehearse serve printed no address: " + server.stderr.read())

    options = Options()
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=900,1100", "--disable-dev-shm-usage"]:
        options.add_argument(argument)
    options.binary_location = "/usr/bin/chromium"
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    wait = WebDriverWait(driver, 20)
    problems = []
    try:
        driver.get(address)
        # The key left the address bar for a cookie.
        wait.until(EC.element_to_be_clickable((By.CSS_SELECTOR, "button[aria-label='Start Quick start']")))
        if "token=" in driver.current_url:
            problems.append(f"the key is still in the address bar: {driver.current_url}")
        driver.save_screenshot(os.path.join(shots, "1-start.png"))
        driver.find_element(By.CSS_SELECTOR, "button[aria-label='Start Quick start']").click()
        box = wait.until(EC.element_to_be_clickable((By.ID, "answer")))
        if "Question 1 of 3" not in driver.find_element(By.CSS_SELECTOR, ".conversation").text:
            problems.append("no 'Question 1 of 3' above the first question")

        def send(text, with_keys, twice=False):
            before = len(driver.find_elements(By.CSS_SELECTOR, ".line.interviewer"))
            box = wait.until(EC.element_to_be_clickable((By.ID, "answer")))
            box.clear()
            box.send_keys(text)
            if with_keys:
                # Ctrl held and Enter pressed twice, quickly: the answer goes once.
                box.send_keys(Keys.CONTROL, Keys.ENTER, Keys.ENTER) if twice else box.send_keys(Keys.CONTROL, Keys.ENTER)
            else:
                driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
            wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, ".line.interviewer")) > before or d.find_elements(By.CSS_SELECTOR, ".feedback"))

        # A general answer, sent with Ctrl+Enter: the follow-up asks for one specific time.
        send(ANSWERS[0], with_keys=True)
        probe = driver.find_elements(By.CSS_SELECTOR, ".line.interviewer")[-1].text
        if "Question" in probe:
            problems.append(f"no follow-up after a general answer: {probe!r}")
        # Enter alone is a new line, not a send.
        box = driver.find_element(By.ID, "answer")
        box.send_keys("first line", Keys.ENTER, "second line")
        if box.get_attribute("value") != "first line\nsecond line":
            problems.append(f"Enter did not make a new line: {box.get_attribute('value')!r}")
        driver.find_element(By.XPATH, "//button[text()='Why this follow-up?']").click()
        wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, ".aside")))
        why = driver.find_element(By.CSS_SELECTOR, ".aside").text
        if "star." in why or "followup" in why:
            problems.append(f"author jargon in the reason shown: {why!r}")
        driver.save_screenshot(os.path.join(shots, "2-interview.png"))
        send(ANSWERS[1], with_keys=False)
        mine = driver.find_elements(By.CSS_SELECTOR, ".line.you")
        if driver.find_elements(By.CSS_SELECTOR, ".conversation img") or not any(ANSWERS[1] == line.text for line in mine):
            problems.append("markup in an answer was not shown as the text typed")
        send(ANSWERS[2], with_keys=True, twice=True)
        time.sleep(0.5)
        # Finish: every answer is saved, and the feedback follows.
        driver.find_element(By.XPATH, "//button[text()='Finish']").click()
        driver.switch_to.alert.accept()
        wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, ".feedback h2")))
        feedback = driver.find_element(By.CSS_SELECTOR, ".feedback").text
        if "Feedback" not in feedback or "“" not in feedback:
            problems.append(f"the feedback has no quoted evidence: {feedback[:300]!r}")
        driver.execute_script("document.querySelector('.feedback').scrollIntoView()")
        driver.save_screenshot(os.path.join(shots, "3-feedback.png"))
        replay = driver.find_element(By.LINK_TEXT, "Open the transcript").get_attribute("href")
        name = replay.rsplit("/", 1)[-1]
        driver.get(replay)
        wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "h1")))
        driver.save_screenshot(os.path.join(shots, "5-replay.png"))
        driver.get(address.split("/?")[0] + "/#/history")
        wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "table")))
        driver.save_screenshot(os.path.join(shots, "4-history.png"))
        driver.get(address.split("/?")[0] + "/progress")
        wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "h1")))
        driver.save_screenshot(os.path.join(shots, "6-progress.png"))
        # A phone-sized window still shows the start page whole.
        driver.set_window_size(390, 844)
        driver.get(address.split("/?")[0] + "/")
        wait.until(EC.element_to_be_clickable((By.CSS_SELECTOR, "button.primary")))
        driver.save_screenshot(os.path.join(shots, "7-phone.png"))
        width = driver.execute_script("return document.documentElement.scrollWidth")
        if width > 390:
            problems.append(f"the page is wider than a phone ({width}px)")
        for entry in driver.get_log("browser"):
            if entry["level"] in ("SEVERE", "WARNING"):
                problems.append(f"console: {entry['level']} {entry['message']}")
    finally:
        driver.quit()
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            problems.append("rehearse serve did not stop on SIGINT")
    # On disk: the follow-up was the one for a general answer, and every answer is there.
    with open(os.path.join(data, "rehearse", "transcripts", name + ".jsonl"), encoding="utf-8") as file:
        events = [json.loads(line) for line in file]
    analyses = [event for event in events if event["type"] == "analysis"]
    if not analyses or analyses[0].get("followup") != "example":
        problems.append(f"the first answer did not call for an example: {analyses[:1]}")
    said = [event["text"] for event in events if event["type"] == "answer"]
    if said != ANSWERS:
        problems.append(f"the transcript holds {said}, not the answers typed")
    if problems:
        fail("; ".join(problems))
    print(name)


if __name__ == "__main__":
    main()
