import jinja2
from django.template import Template as DjangoTemplate
from jinja2 import Environment, FileSystemLoader, PackageLoader, Template, select_autoescape

# ruleid: sast/py-jinja2-autoescape-disabled
env = Environment(loader=FileSystemLoader("templates"))

# ruleid: sast/py-jinja2-autoescape-disabled
admin_env = jinja2.Environment(loader=PackageLoader("admin"), autoescape=False)


def render_card(user):
    # ruleid: sast/py-jinja2-autoescape-disabled
    card = Template("<div class='card'>{{ user.bio }}</div>")
    return card.render(user=user)


# ok: sast/py-jinja2-autoescape-disabled
safe_env = Environment(loader=FileSystemLoader("templates"), autoescape=select_autoescape(["html", "xml"]))

# ok: sast/py-jinja2-autoescape-disabled
html_env = jinja2.Environment(loader=PackageLoader("shop"), autoescape=True)

# ok: sast/py-jinja2-autoescape-disabled
text_env = Environment(loader=FileSystemLoader("emails"), keep_trailing_newline=True)


def render_safe(user):
    # ok: sast/py-jinja2-autoescape-disabled
    card = Template("<div>{{ bio }}</div>", autoescape=True)
    return card.render(bio=user.bio)


def django_page(ctx):
    # ok: sast/py-jinja2-autoescape-disabled
    return DjangoTemplate("<p>{{ name }}</p>").render(ctx)
