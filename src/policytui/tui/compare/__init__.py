"""The compare screens: policies side by side by topic, the topic x policy matrix, best counterparts."""
