//! Where a front end reads a resource's properties from, and the elements of a list of
//! objects read like resources of their own.

use coglint_model::{Provenance, Scenario};
use coglint_source::Span;
use coglint_syntax::Node;

use crate::value::{unknown, Alt};

/// Where a front end reads a resource's properties from.
pub(crate) trait PropertySource<'a> {
    /// The value at `path`, in every scenario in which the resource exists.
    fn read(&self, path: &[&str]) -> Vec<Alt<'a>>;

    /// The item combinations of a list written as a source node (items may be functions).
    fn list(
        &self,
        node: &'a Node,
        scenario: &Scenario,
    ) -> Vec<Result<(Scenario, Vec<Alt<'a>>), Alt<'a>>>;

    /// The elements of a list of objects at `path` (an identity pool's
    /// `CognitoIdentityProviders`, repeated Terraform blocks), in every scenario.
    fn elements(&self, path: &[&str]) -> Vec<Result<Elements<'a>, Alt<'a>>>;

    /// The value at `path` inside one element from [`PropertySource::elements`].
    fn read_element(&self, element: &Element<'a>, path: &[&str]) -> Vec<Alt<'a>>;

    /// Evaluates a node found inside a value that [`PropertySource::read`] returned (the
    /// functions nested in a policy document).
    fn resolve(&self, node: &'a Node, scenario: &Scenario) -> Vec<Alt<'a>> {
        vec![unknown(
            scenario,
            node.span(),
            "a nested value that is not evaluated",
        )]
    }

    /// A policy document at `path`: like [`PropertySource::read`], but a document written
    /// through a function that serializes it (Terraform's `jsonencode`) is read as the object
    /// it serializes, so that its parts keep their places.
    fn read_document(&self, path: &[&str]) -> Vec<Alt<'a>> {
        self.read(path)
    }

    /// [`PropertySource::read_document`] inside one element from [`PropertySource::elements`].
    fn read_element_document(&self, element: &Element<'a>, path: &[&str]) -> Vec<Alt<'a>> {
        self.read_element(element, path)
    }
}

/// The elements of a list of objects in one scenario.
#[derive(Clone)]
pub(crate) struct Elements<'a> {
    pub scenario: Scenario,
    /// Where the list is written (or, when it is omitted, the resource).
    pub provenance: Provenance,
    /// `None`: the list is omitted.
    pub elements: Option<Vec<Element<'a>>>,
}

/// One element of a list of objects.
#[derive(Clone)]
pub(crate) struct Element<'a> {
    pub scenario: Scenario,
    /// The element's own place: a finding on a setting it leaves out points here.
    pub at: Span,
    pub value: ElementValue<'a>,
}

#[derive(Clone)]
pub(crate) enum ElementValue<'a> {
    /// An evaluated value: a template mapping, a Terraform object.
    Value(Alt<'a>),
    /// A Terraform block, read like a resource body.
    Block(crate::terraform::BodyRef<'a>),
}

/// One element read as a property source of its own, so that its fields are built (defaults,
/// parameters, scenarios) exactly like a resource's.
pub(super) struct ElementSource<'s, 'a> {
    pub(super) parent: &'s dyn PropertySource<'a>,
    pub(super) element: Element<'a>,
}

impl<'a> PropertySource<'a> for ElementSource<'_, 'a> {
    fn read(&self, path: &[&str]) -> Vec<Alt<'a>> {
        self.parent.read_element(&self.element, path)
    }

    fn list(
        &self,
        node: &'a Node,
        scenario: &Scenario,
    ) -> Vec<Result<(Scenario, Vec<Alt<'a>>), Alt<'a>>> {
        self.parent.list(node, scenario)
    }

    fn elements(&self, _path: &[&str]) -> Vec<Result<Elements<'a>, Alt<'a>>> {
        vec![Err(unknown(
            &self.element.scenario,
            self.element.at,
            "a list of objects inside a list of objects is not read",
        ))]
    }

    fn read_element(&self, element: &Element<'a>, path: &[&str]) -> Vec<Alt<'a>> {
        self.parent.read_element(element, path)
    }

    fn resolve(&self, node: &'a Node, scenario: &Scenario) -> Vec<Alt<'a>> {
        self.parent.resolve(node, scenario)
    }

    fn read_document(&self, path: &[&str]) -> Vec<Alt<'a>> {
        self.parent.read_element_document(&self.element, path)
    }

    fn read_element_document(&self, element: &Element<'a>, path: &[&str]) -> Vec<Alt<'a>> {
        self.parent.read_element_document(element, path)
    }
}
