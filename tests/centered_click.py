"""Selenium elements for a page with a sticky bar (the player's matrix): one test folder's browsers and another's."""
from selenium.webdriver.remote.webelement import WebElement


class CenteringElement(WebElement):
    """An element that is scrolled to the middle of the window before a click: Selenium scrolls it only until it
    is inside the window, where the matrix's sticky bar may cover it (a person scrolls on until they see it).
    Use with `driver._web_element_cls = CenteringElement`."""

    def click(self):
        self.parent.execute_script("arguments[0].scrollIntoView({block: 'center'})", self)
        super().click()
